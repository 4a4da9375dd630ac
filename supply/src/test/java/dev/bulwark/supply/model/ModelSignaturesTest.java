package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.core.integrity.SignedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSignaturesTest {
    @TempDir
    Path dir;

    private static ScannedFile scanned(Path path) {
        return new ScannedFile(path, "ab".repeat(32), 4, ScannedFile.Status.SCANNED, List.of("safetensors"), List.of());
    }

    @Test
    void signedFilesPassUnsignedAreMediumChangedOrForeignAreHigh() throws Exception {
        Path key = dir.resolve("signing.pem");
        PublicKey trusted = Ed25519Keys.create(key);
        Path other = dir.resolve("other.pem");
        Ed25519Keys.create(other);

        Path good = Files.write(dir.resolve("good.safetensors"), new byte[] {1, 2, 3, 4});
        Path unsigned = Files.write(dir.resolve("unsigned.safetensors"), new byte[] {1, 2, 3, 4});
        Path changed = Files.write(dir.resolve("changed.safetensors"), new byte[] {1, 2, 3, 4});
        Path foreign = Files.write(dir.resolve("foreign.safetensors"), new byte[] {1, 2, 3, 4});
        for (Path p : List.of(good, changed)) SignedFile.signAndWrite(p, Ed25519Keys.readPrivate(key), trusted);
        SignedFile.signAndWrite(foreign, Ed25519Keys.readPrivate(other), Ed25519Keys.readPublic(
                Ed25519Keys.publicKeyFile(other)));
        Files.write(changed, new byte[] {1, 2, 3, 5});
        var skipped = new ScannedFile(dir.resolve("notes.txt"), "cd".repeat(32), 1, ScannedFile.Status.SKIPPED,
                List.of(), List.of());

        List<Finding> findings = ModelSignatures.check(
                List.of(scanned(good), scanned(unsigned), scanned(changed), scanned(foreign), skipped), trusted);

        assertThat(findings).extracting(Finding::target).containsExactly(unsigned.toString(), changed.toString(),
                foreign.toString());
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.check()).isEqualTo(ModelSignatures.CHECK);
            assertThat(f.weakness()).isEqualTo(WeaknessClass.UNTRUSTWORTHY_COMPONENT);
        });
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.HIGH,
                Severity.HIGH);
        assertThat(findings.get(1).title()).contains("content mismatch");
        assertThat(findings.get(2).title()).contains("wrong key");
    }
}
