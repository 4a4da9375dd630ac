package dev.bulwark.cli;

import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.core.integrity.SignedFile;
import dev.bulwark.core.integrity.Verification;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check FILE against FILE.sig.json with a trusted Ed25519 public key: the signature, the name, "
                + "the size and the SHA-256 (recomputed, streaming).",
                "Exit codes: 0 verified, 1 unsigned, changed, or signed by another key, 2 bad key or sidecar file."},
        footer = {"", "Examples:", "  ./bulwark verify model.safetensors --key release-signing.pem.pub"})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "PUBLIC", description = "Trusted Ed25519 public key (X.509 PEM).")
    Path key;

    @Override
    public Integer call() {
        Verification v = SignedFile.verify(file, Ed25519Keys.readPublic(key));
        System.out.println((v.verified() ? "" : "NOT VERIFIED: ") + v.message());
        return v.verified() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
