package dev.bulwark.cli;

import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark keys create|rotate|destroy}: the Tink keysets of {@code data pseudonymize} and {@code encrypt}, and
 * Ed25519 signing pairs. One file format for both keysets ({@link Keyset}); the file handling (owner-only, never
 * overwritten, atomic replace, overwrite-then-delete) is detect's, shared with {@code redact --new-key}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, rotate and destroy keysets (see docs/data-protection.md).",
        subcommands = {KeysCommand.Create.class, KeysCommand.Rotate.class, KeysCommand.Destroy.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a new keyset in FILE, readable by you only; never overwrites a file.",
                    "Default: a pseudonymize keyset (token: AES-256-SIV; derive: HMAC-SHA256 PRF for hmac and fpe).",
                    "--files: a keyset for encrypt/decrypt (AES-256-GCM-HKDF streaming, 1 MB segments).",
                    "--signing: an Ed25519 pair for sign/verify: FILE (private, PKCS#8 PEM) and FILE.pub (X.509 PEM)."},
            footer = {"", "Examples:", "  ./bulwark keys create /secure/pseudo.keyset.json",
                    "  ./bulwark keys create /secure/files.keyset.json --files",
                    "  ./bulwark keys create /secure/release-signing.pem --signing"})
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @ArgGroup(exclusive = true)
        Kind kind;

        static final class Kind {
            @Option(names = "--files", description = "A keyset for encrypt/decrypt.")
            boolean files;

            @Option(names = "--signing", description = "An Ed25519 signing key pair for sign/verify.")
            boolean signing;
        }

        @Override
        public Integer call() {
            if (kind != null && kind.signing) {
                PublicKey pub = Ed25519Keys.create(file);
                System.out.println("Created Ed25519 signing key " + Ed25519Keys.keyId(pub) + ": private key " + file
                        + " (readable by you only; keep it secret), public key " + Ed25519Keys.publicKeyFile(file)
                        + " (give it to whoever verifies).");
                return ExitCode.OK;
            }
            Keyset ks = Keyset.generate(kind != null && kind.files ? KeyPurpose.FILES : KeyPurpose.PSEUDONYMIZE);
            ks.write(file);
            System.out.println("Created keyset " + ks.describe() + " in " + file + " (readable by you only).");
            System.out.println("Keep it apart from the data it protects, and keep a backup: without it nothing can be "
                    + "reversed.");
            return ExitCode.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Add a new primary key to every part of the keyset FILE; the old keys stay.",
                    "Tokens and encrypted files made with the old keys still reverse. New hmac and fpe pseudonyms differ "
                            + "from the old ones (no join across the rotation); old fpe values reverse with "
                            + "data reidentify --fpe-key OLD_ID."})
    static final class Rotate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Keyset rotated = Keyset.read(file).rotate();
            rotated.overwrite(file);
            System.out.println("Rotated keyset " + rotated.describe() + " (* = primary).");
            return ExitCode.OK;
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = {"Cryptographic erasure: overwrite the keyset FILE with random bytes, force it to disk and "
                    + "delete it. Every token, fpe value and encrypted file made with it can never be reversed again "
                    + "(copies and backups of the keyset must be destroyed too)."})
    static final class Destroy implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Keyset gone = Keyset.destroy(file);
            System.out.println("Destroyed keyset " + gone.describe() + " from " + file + ".");
            System.out.println("Data protected with these keys can no longer be reversed. Destroy every copy and "
                    + "backup of the keyset too.");
            return ExitCode.OK;
        }
    }
}
