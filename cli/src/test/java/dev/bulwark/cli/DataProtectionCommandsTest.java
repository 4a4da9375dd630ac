package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys, data pseudonymize/reidentify, encrypt/decrypt and sign/verify through the real command line. */
class DataProtectionCommandsTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Path people() throws Exception {
        Path in = dir.resolve("people.csv");
        Files.writeString(in, "id,name,card\n1,Ada Lovelace,4111 1111 1111 1111\n2,Alan Turing,5500-0000-0000-0004\n");
        return in;
    }

    @Test
    void pseudonymizeReidentifyRoundTripWithAuditThenDestroy() throws Exception {
        people();
        CliRun created = CliRun.of("keys", "create", p("k.json"));
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Created keyset ks_").contains("token keys").contains("derive keys");
        assertThat(CliRun.of("keys", "create", p("k.json")).exitCode()).isEqualTo(2);

        CliRun ps = CliRun.of("data", "pseudonymize", p("people.csv"), p("p.jsonl"), "--columns",
                "name:token,card:fpe", "--keyset", p("k.json"));
        assertThat(ps.exitCode()).as(ps.err()).isZero();
        assertThat(ps.out()).contains("4 values in 2 rows").contains("still personal data");
        // whole values: an encrypted card may start with 4111 by chance (1 in 10,000)
        assertThat(Files.readString(dir.resolve("p.jsonl"))).doesNotContain("Ada").doesNotContain("4111 1111 1111 1111")
                .doesNotContain("5500-0000-0000-0004");

        CliRun rotated = CliRun.of("keys", "rotate", p("k.json"));
        assertThat(rotated.exitCode()).isZero();
        CliRun re = CliRun.of("data", "reidentify", p("p.jsonl"), p("back.csv"), "--columns", "name:token",
                "--keyset", p("k.json"));
        assertThat(re.exitCode()).as(re.err()).isZero();
        assertThat(Files.readString(dir.resolve("back.csv"))).contains("Ada Lovelace").contains("Alan Turing");
        Path audit = dir.resolve("k.json.audit.jsonl");
        assertThat(Files.readAllLines(audit)).singleElement().asString()
                .contains("\"rows\":2").contains("\"event\":\"reidentify\"").doesNotContain("Ada");

        CliRun destroyed = CliRun.of("keys", "destroy", p("k.json"));
        assertThat(destroyed.exitCode()).isZero();
        assertThat(destroyed.out()).contains("Destroyed keyset ks_").contains("can no longer be reversed");
        assertThat(dir.resolve("k.json")).doesNotExist();
        CliRun after = CliRun.of("data", "reidentify", p("p.jsonl"), p("again.csv"), "--columns", "name:token",
                "--keyset", p("k.json"));
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).contains("no such file").contains("destroyed");
        assertThat(dir.resolve("again.csv")).doesNotExist();
    }

    @Test
    void badInputExitsTwo() throws Exception {
        people();
        CliRun.of("keys", "create", p("k.json"));
        CliRun.of("keys", "create", p("other.json"));
        assertThat(CliRun.of("data", "pseudonymize", p("people.csv"), p("o.csv"), "--columns", "phone:hmac",
                "--keyset", p("k.json")).err()).contains("phone");
        assertThat(CliRun.of("data", "pseudonymize", p("people.csv"), p("o.csv"), "--columns", "phone:hmac",
                "--keyset", p("k.json")).exitCode()).isEqualTo(2);
        CliRun method = CliRun.of("data", "pseudonymize", p("people.csv"), p("o.csv"), "--columns", "name:md5",
                "--keyset", p("k.json"));
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("unknown method 'md5'");
        CliRun noKey = CliRun.of("data", "pseudonymize", p("people.csv"), p("o.csv"), "--columns", "name:hmac");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("--keyset FILE is needed");
        assertThat(CliRun.of("data", "pseudonymize", p("people.csv"), p("o.csv"), "--columns", "name:token",
                "--keyset", p("k.json")).exitCode()).isZero();
        CliRun wrong = CliRun.of("data", "reidentify", p("o.csv"), p("b.csv"), "--columns", "name:token",
                "--keyset", p("other.json"));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("row 1, column 'name'").contains("wrong keyset").doesNotContain("Ada");
        assertThat(dir.resolve("b.csv")).doesNotExist();
        CliRun notKeyset = CliRun.of("data", "pseudonymize", p("people.csv"), p("o2.csv"), "--columns", "name:hmac",
                "--keyset", p("people.csv"));
        assertThat(notKeyset.exitCode()).isEqualTo(2);
        assertThat(notKeyset.err()).contains("not a Bulwark keyset");
    }

    @Test
    void encryptDecryptAndTamperedFileIsRefused() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new Random(1).nextBytes(data);
        Path file = dir.resolve("train.parquet");
        Files.write(file, data);
        assertThat(CliRun.of("keys", "create", p("f.json"), "--files").exitCode()).isZero();
        CliRun enc = CliRun.of("encrypt", p("train.parquet"), "--keyset", p("f.json"));
        assertThat(enc.exitCode()).as(enc.err()).isZero();
        Path encrypted = dir.resolve("train.parquet.enc");
        assertThat(encrypted).exists();
        CliRun exists = CliRun.of("decrypt", encrypted.toString(), "--keyset", p("f.json"));
        assertThat(exists.exitCode()).isEqualTo(2);
        assertThat(exists.err()).contains("already exists");
        Files.delete(file);
        assertThat(CliRun.of("decrypt", encrypted.toString(), "--keyset", p("f.json")).exitCode()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(data);

        Files.delete(file);
        try (var raf = new RandomAccessFile(encrypted.toFile(), "rw")) {
            raf.seek(2_000_000);
            int b = raf.read();
            raf.seek(2_000_000);
            raf.write(b ^ 0x80);
        }
        CliRun tampered = CliRun.of("decrypt", encrypted.toString(), "--keyset", p("f.json"));
        assertThat(tampered.exitCode()).isEqualTo(2);
        assertThat(tampered.err()).contains("changed or truncated").contains("nothing was written");
        assertThat(file).doesNotExist();
        CliRun wrongKind = CliRun.of("encrypt", p("train.parquet.enc"), "--keyset", p("nope.json"));
        assertThat(wrongKind.exitCode()).isEqualTo(2);
    }

    @Test
    void signVerifyMismatchAndWrongKey() throws Exception {
        Path model = dir.resolve("model.safetensors");
        Files.write(model, new byte[100_000]);
        assertThat(CliRun.of("keys", "create", p("sign.pem"), "--signing").out()).contains("ed25519:");
        CliRun.of("keys", "create", p("other.pem"), "--signing");
        CliRun sign = CliRun.of("sign", model.toString(), "--key", p("sign.pem"));
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(dir.resolve("model.safetensors.sig.json")).exists();
        CliRun ok = CliRun.of("verify", model.toString(), "--key", p("sign.pem.pub"));
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("verified");
        CliRun wrongKey = CliRun.of("verify", model.toString(), "--key", p("other.pem.pub"));
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("NOT VERIFIED").contains("not by the trusted key");
        try (var raf = new RandomAccessFile(model.toFile(), "rw")) {
            raf.seek(50_000);
            raf.write(7);
        }
        CliRun changed = CliRun.of("verify", model.toString(), "--key", p("sign.pem.pub"));
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("changed since it was signed");
        CliRun badKey = CliRun.of("verify", model.toString(), "--key", model.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);
    }
}
