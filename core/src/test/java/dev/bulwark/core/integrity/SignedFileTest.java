package dev.bulwark.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedFileTest {
    @TempDir
    Path dir;

    private Path privateKey() {
        Path k = dir.resolve("signing.pem");
        Ed25519Keys.create(k);
        return k;
    }

    private Path model() throws Exception {
        Path f = dir.resolve("model.safetensors");
        Files.write(f, new byte[300_000]);
        return f;
    }

    @Test
    void signThenVerify() throws Exception {
        Path k = privateKey();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k))).isEqualTo("rw-------");
        PrivateKey priv = Ed25519Keys.readPrivate(k);
        PublicKey pub = Ed25519Keys.readPublic(Ed25519Keys.publicKeyFile(k));
        Path f = model();
        SignedFile s = SignedFile.signAndWrite(f, priv, pub);
        assertThat(s.size()).isEqualTo(300_000);
        assertThat(s.keyId()).isEqualTo(Ed25519Keys.keyId(pub)).startsWith("ed25519:");
        assertThat(SignedFile.read(SignedFile.sidecarOf(f))).isEqualTo(s);
        assertThat(SignedFile.verify(f, pub).status()).isEqualTo(Verification.Status.VERIFIED);
        assertThatThrownBy(() -> Ed25519Keys.create(k)).hasMessageContaining("refusing to overwrite");
    }

    @Test
    void aChangedByteIsAMismatch() throws Exception {
        Path k = privateKey();
        PublicKey pub = Ed25519Keys.readPublic(Ed25519Keys.publicKeyFile(k));
        Path f = model();
        SignedFile.signAndWrite(f, Ed25519Keys.readPrivate(k), pub);
        try (var raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(123_456);
            raf.write(1);
        }
        Verification v = SignedFile.verify(f, pub);
        assertThat(v.status()).isEqualTo(Verification.Status.CONTENT_MISMATCH);
        assertThat(v.message()).contains("changed since it was signed");
    }

    @Test
    void anotherKeyOrAnEditedSidecarOrNoSidecarFails() throws Exception {
        Path k = privateKey();
        PublicKey pub = Ed25519Keys.readPublic(Ed25519Keys.publicKeyFile(k));
        Path other = dir.resolve("other.pem");
        PublicKey otherPub = Ed25519Keys.create(other);
        Path f = model();
        assertThat(SignedFile.verify(f, pub).status()).isEqualTo(Verification.Status.UNSIGNED);
        SignedFile.signAndWrite(f, Ed25519Keys.readPrivate(k), pub);
        assertThat(SignedFile.verify(f, otherPub).status()).isEqualTo(Verification.Status.WRONG_KEY);

        // a forger who signs with their own key but writes the trusted key id into the sidecar
        Path sidecar = SignedFile.sidecarOf(f);
        SignedFile forged = SignedFile.sign(f, Ed25519Keys.readPrivate(other), otherPub);
        String json = Files.readString(sidecar).replace(SignedFile.read(sidecar).signature(), forged.signature());
        Files.writeString(sidecar, json);
        assertThat(SignedFile.verify(f, pub).status()).isEqualTo(Verification.Status.BAD_SIGNATURE);

        Files.writeString(sidecar, "{\"format\":\"something\"}");
        assertThatThrownBy(() -> SignedFile.verify(f, pub)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void aSidecarMovedOntoAnotherFileIsANameMismatch() throws Exception {
        Path k = privateKey();
        PublicKey pub = Ed25519Keys.readPublic(Ed25519Keys.publicKeyFile(k));
        Path f = model();
        SignedFile.signAndWrite(f, Ed25519Keys.readPrivate(k), pub);
        Path copy = dir.resolve("evil.safetensors");
        Files.copy(f, copy);
        Files.copy(SignedFile.sidecarOf(f), SignedFile.sidecarOf(copy));
        assertThat(SignedFile.verify(copy, pub).status()).isEqualTo(Verification.Status.NAME_MISMATCH);
    }
}
