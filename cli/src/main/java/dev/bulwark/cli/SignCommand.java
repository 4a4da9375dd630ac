package dev.bulwark.cli;

import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.core.integrity.SignedFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a file (a model, a dataset) with Ed25519: writes FILE.sig.json with the file's name, size, "
                + "SHA-256, key id, time and signature, so it can be checked before it is loaded."},
        footer = {"", "Examples:", "  ./bulwark keys create /secure/release-signing.pem --signing",
                "  ./bulwark sign model.safetensors --key /secure/release-signing.pem"})
final class SignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE",
            description = "Ed25519 private key (PKCS#8 PEM); its public key is read from PRIVATE.pub.")
    Path key;

    @Option(names = "--pub", paramLabel = "PUBLIC", description = "The public key (default: PRIVATE.pub).")
    Path pub;

    @Override
    public Integer call() {
        var publicKey = Ed25519Keys.readPublic(pub != null ? pub : Ed25519Keys.publicKeyFile(key));
        SignedFile s = SignedFile.signAndWrite(file, Ed25519Keys.readPrivate(key), publicKey);
        System.out.println("Signed " + file + " (" + s.size() + " bytes, sha256 " + s.sha256() + ") with " + s.keyId()
                + " into " + SignedFile.sidecarOf(file) + ".");
        return ExitCode.OK;
    }
}
