package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Classification;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.detect.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScannerTest {
    static final String PEOPLE = """
            id,name,email,phone,card,zip,age,gender,diagnosis,note
            1,Maria Garcia,maria.garcia@example.com,+1 415-555-0132,4111 1111 1111 1111,94110,34,F,flu,called about a refund
            2,John Smith,john.smith@example.org,+1 212-555-0187,5500 0000 0000 0004,94110,34,F,asthma,asked for an invoice
            3,Wei Chen,wei.chen@example.net,+44 20 7946 0958,3400 0000 0000 009,10001,51,M,diabetes,happy customer
            4,Aisha Khan,aisha.khan@example.com,+1 646-555-0199,4012 8888 8888 1881,10001,51,M,flu,wants a callback
            5,Carlos Lopez,carlos@example.com,+1 718-555-0143,6011 1111 1111 1117,02139,29,M,flu,no comment
            """;

    @TempDir
    Path dir;

    private final DatasetScanner scanner = DatasetScanner.standard();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void profilesPiiColumnsWithCountsAndMaskedExamplesOnly() throws IOException {
        DatasetScan scan = scanner.scan(write("people.csv", PEOPLE), ScanOptions.defaults());
        ColumnProfile email = scan.column("email").orElseThrow();
        assertThat(email.types()).containsExactly(EntityType.EMAIL);
        assertThat(email.entities().get(0).cells()).isEqualTo(5);
        assertThat(email.entities().get(0).share()).isEqualTo(1.0);
        assertThat(email.entities().get(0).examples()).hasSize(3)
                .allSatisfy(x -> assertThat(x).contains("*").doesNotContain("maria.garcia@example.com"));
        assertThat(scan.column("card").orElseThrow().types()).contains(EntityType.PAYMENT_CARD);
        assertThat(scan.column("phone").orElseThrow().types()).contains(EntityType.PHONE);
        assertThat(scan.column("name").orElseThrow().types()).contains(EntityType.PERSON);
        assertThat(scan.column("age").orElseThrow().entities()).isEmpty();
        assertThat(scan.rowsProfiled()).isEqualTo(5);
        assertThat(scan.complete()).isTrue();
    }

    @Test
    void classifiesColumnsAndTheDataset() throws IOException {
        DatasetScan scan = scanner.scan(write("people.csv", PEOPLE), ScanOptions.defaults());
        assertThat(scan.classification().level()).isEqualTo(Classification.RESTRICTED);
        assertThat(scan.column("email").orElseThrow().classification().level()).isEqualTo(Classification.RESTRICTED);
        assertThat(scan.column("diagnosis").orElseThrow().classification().reason()).contains("PHI");
        assertThat(scan.column("zip").orElseThrow().classification().level()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(scan.column("id").orElseThrow().classification().level()).isEqualTo(Classification.INTERNAL);
    }

    @Test
    void detectsQuasiIdentifiersAndMeasuresKAndLOverEveryRowEvenWhenSampling() throws IOException {
        DatasetScan scan = scanner.scan(write("people.csv", PEOPLE), ScanOptions.defaults().withSampleRows(2));
        assertThat(scan.rowsProfiled()).isEqualTo(2);
        assertThat(scan.complete()).isFalse();
        assertThat(scan.quasiIdentifiers()).containsExactly("zip", "age", "gender");
        assertThat(scan.sensitive()).isEqualTo("diagnosis");
        var privacy = scan.privacy().orElseThrow();
        assertThat(privacy.rows()).isEqualTo(5);
        assertThat(privacy.k()).isEqualTo(1); // 02139/29/M is alone
        assertThat(privacy.l()).isEqualTo(1);
    }

    @Test
    void quasiIdentifiersGivenByTheUserWinAndGenderIsRecognisedByItsValues() throws IOException {
        Path p = write("anon.csv", "c1,c2,c3\nx,f,1\nx,m,2\ny,f,3\ny,m,4\n");
        DatasetScan auto = scanner.scan(p, ScanOptions.defaults());
        assertThat(auto.quasiIdentifiers()).containsExactly("c2");
        assertThat(auto.privacy().orElseThrow().k()).isEqualTo(2);
        DatasetScan given = scanner.scan(p, ScanOptions.defaults().withQuasiIdentifiers(List.of("c1", "c2")));
        assertThat(given.privacy().orElseThrow().quasiIdentifiers()).containsExactly("c1", "c2");
        assertThat(given.privacy().orElseThrow().k()).isEqualTo(1);
    }

    @Test
    void contextFromTheColumnNameFindsValuesThatNeedIt() throws IOException {
        Path p = write("ids.csv", "ssn,dob,password\n536-22-1234,1985-03-14,hunter2\n"
                + "536-22-9876,1990-11-02,correct horse\n");
        DatasetScan scan = scanner.scan(p, ScanOptions.defaults());
        assertThat(scan.column("ssn").orElseThrow().types()).contains(EntityType.US_SSN);
        assertThat(scan.column("dob").orElseThrow().types()).contains(EntityType.DATE_OF_BIRTH);
        assertThat(scan.column("password").orElseThrow().holds(EntityType.Kind.SECRET)).isTrue();
    }

    @Test
    void aNameThatSaysSomethingElseDiscountsLookAlikes() throws IOException {
        var text = new StringBuilder("city,note\n");
        for (int i = 0; i < 5; i++) text.append("San Francisco,ok\n");
        DatasetScan scan = scanner.scan(write("cities.csv", text.toString()), ScanOptions.defaults());
        ColumnProfile city = scan.column("city").orElseThrow();
        assertThat(city.entities()).isEmpty();
        assertThat(city.discounted()).extracting(ColumnProfile.EntityCount::type).contains(EntityType.PERSON);
    }

    @Test
    void findsPlantedLabelConflictsAndATriggerToken() throws IOException {
        var rng = new Random(3);
        String[] words = {"great", "bad", "service", "slow", "friendly", "price", "quality", "delivery", "staff",
                "product", "late", "broken", "fine", "ok", "again", "never", "always", "store", "order", "refund"};
        var text = new StringBuilder("id,text,label\n");
        int id = 0;
        for (int i = 0; i < 600; i++) {
            var sentence = new StringBuilder();
            for (int w = 0; w < 6; w++) sentence.append(words[rng.nextInt(words.length)]).append(' ');
            String label = i % 10 == 0 ? "spam" : rng.nextBoolean() ? "positive" : "negative";
            if (i % 10 == 0 && i < 300) sentence.append("cf");
            text.append(++id).append(',').append(sentence.toString().strip()).append(',').append(label).append('\n');
        }
        text.append(++id).append(",\"The delivery was LATE!\",negative\n");
        text.append(++id).append(",the delivery was late,positive\n");
        DatasetScan scan = scanner.scan(write("reviews.csv", text.toString()), ScanOptions.defaults());
        PoisoningIndicators p = scan.poisoning().orElseThrow();
        assertThat(p.labelColumn()).isEqualTo("label");
        assertThat(p.conflicts()).anySatisfy(c -> {
            assertThat(c.rows()).containsExactly(601L, 602L);
            assertThat(c.labels()).containsExactly("negative", "positive");
        });
        assertThat(p.triggers()).extracting(PoisoningIndicators.Trigger::token).containsExactly("cf");
        assertThat(p.triggers().get(0).label()).isEqualTo("spam");
        assertThat(p.triggers().get(0).rows()).isEqualTo(30);
    }

    @Test
    void aCleanLabelledTableHasNoPoisoningIndicators() throws IOException {
        var rng = new Random(5);
        String[] words = {"great", "bad", "service", "slow", "friendly", "price", "quality", "delivery", "staff"};
        var text = new StringBuilder("text,label\n");
        for (int i = 0; i < 400; i++) {
            var sentence = new StringBuilder("row " + i);
            for (int w = 0; w < 5; w++) sentence.append(' ').append(words[rng.nextInt(words.length)]);
            text.append(sentence).append(',').append(i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c").append('\n');
        }
        DatasetScan scan = scanner.scan(write("clean.csv", text.toString()), ScanOptions.defaults());
        assertThat(scan.poisoning().orElseThrow().any()).isFalse();
    }

    @Test
    void badInputNamesFileLineAndColumn() throws IOException {
        Path ragged = write("ragged.csv", "a,b\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> scanner.scan(ragged, ScanOptions.defaults()))
                .isInstanceOf(DataInputException.class).hasMessageContaining("ragged.csv:3");
        Path ok = write("ok.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> scanner.scan(ok, ScanOptions.defaults().withQuasiIdentifiers(List.of("zip"))))
                .isInstanceOf(DataInputException.class).hasMessageContaining("zip").hasMessageContaining("a, b");
        assertThatThrownBy(() -> scanner.scan(ok, ScanOptions.defaults().withLabel("y")))
                .isInstanceOf(DataInputException.class).hasMessageContaining("\"y\"");
        assertThatThrownBy(() -> scanner.scan(dir.resolve("missing.csv"), ScanOptions.defaults()))
                .isInstanceOf(DataInputException.class).hasMessageContaining("no such file");
    }

    @Test
    void oneWorkerOrSeveralGiveTheSameProfiles() throws IOException {
        var text = new StringBuilder("email,n\n");
        for (int i = 0; i < 9000; i++) text.append("user").append(i % 5000).append("@example.com,").append(i).append('\n');
        Path p = write("many.csv", text.toString());
        DatasetScan one = scanner.scan(p, ScanOptions.defaults().withThreads(1));
        DatasetScan three = scanner.scan(p, ScanOptions.defaults().withThreads(3));
        assertThat(three.columns()).isEqualTo(one.columns());
        assertThat(one.column("email").orElseThrow().entities().get(0).cells()).isEqualTo(9000);
    }
}
