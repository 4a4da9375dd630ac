package dev.bulwark.data.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Classification;
import dev.bulwark.detect.EntityType;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnHintTest {
    @Test
    void namesInAnySpellingGiveTheirHint() {
        assertThat(ColumnHint.of("dateOfBirth")).contains(ColumnHint.DATE_OF_BIRTH);
        assertThat(ColumnHint.of("DATE_OF_BIRTH")).contains(ColumnHint.DATE_OF_BIRTH);
        assertThat(ColumnHint.of("Date of Birth")).contains(ColumnHint.DATE_OF_BIRTH);
        assertThat(ColumnHint.of("email_address")).contains(ColumnHint.EMAIL);
        assertThat(ColumnHint.of("home address")).contains(ColumnHint.ADDRESS);
        assertThat(ColumnHint.of("customer_name")).contains(ColumnHint.PERSON_NAME);
        assertThat(ColumnHint.of("api_key")).contains(ColumnHint.CREDENTIAL);
        assertThat(ColumnHint.of("IBAN")).contains(ColumnHint.FINANCIAL_ACCOUNT);
        assertThat(ColumnHint.of("ssn")).contains(ColumnHint.NATIONAL_ID);
        assertThat(ColumnHint.of("zipCode")).contains(ColumnHint.POSTCODE);
        assertThat(ColumnHint.of("Sex")).contains(ColumnHint.GENDER);
        assertThat(ColumnHint.of("diagnosis")).contains(ColumnHint.HEALTH);
        assertThat(ColumnHint.of("visit_reason")).contains(ColumnHint.HEALTH);
        assertThat(ColumnHint.of("reasonForVisit")).contains(ColumnHint.HEALTH);
        assertThat(ColumnHint.of("vaccination_status")).contains(ColumnHint.HEALTH);
        assertThat(ColumnHint.of("return_reason")).isEmpty();
        assertThat(ColumnHint.of("annual_salary")).contains(ColumnHint.INCOME);
        assertThat(ColumnHint.of("label")).contains(ColumnHint.LABEL);
        assertThat(ColumnHint.of("customer_id")).contains(ColumnHint.IDENTIFIER);
    }

    @Test
    void wordsInsideOtherWordsAndNonPersonNamesGiveNoFalseHint() {
        assertThat(ColumnHint.of("product_name")).isEmpty();
        assertThat(ColumnHint.of("file name")).isEmpty();
        assertThat(ColumnHint.of("tip")).isEmpty(); // not "ip"
        assertThat(ColumnHint.of("stage")).isEmpty(); // not "age"
        assertThat(ColumnHint.of("comment")).isEmpty();
        assertThat(ColumnHint.of("")).isEqualTo(Optional.empty());
    }

    @Test
    void quasiAndSensitiveRoles() {
        assertThat(ColumnHint.AGE.quasiIdentifier()).isTrue();
        assertThat(ColumnHint.DATE_OF_BIRTH.quasiIdentifier()).isTrue();
        assertThat(ColumnHint.EMAIL.quasiIdentifier()).isFalse();
        assertThat(ColumnHint.HEALTH.sensitive()).isTrue();
        assertThat(ColumnHint.SPECIAL_CATEGORY.sensitive()).isTrue();
        assertThat(ColumnHint.AGE.sensitive()).isFalse();
    }

    @Test
    void classifierFollowsTheBooksLevels() {
        assertThat(DataClassifier.column(null, Set.of(EntityType.EMAIL), true, false).level())
                .isEqualTo(Classification.RESTRICTED);
        assertThat(DataClassifier.column(null, Set.of(EntityType.AWS_ACCESS_KEY), true, false).reason())
                .contains("authentication credentials");
        assertThat(DataClassifier.column(ColumnHint.FINANCIAL_ACCOUNT, Set.of(), true, false).reason())
                .contains("financial account");
        assertThat(DataClassifier.column(ColumnHint.HEALTH, Set.of(), true, false).reason()).contains("PHI");
        assertThat(DataClassifier.column(ColumnHint.AGE, Set.of(), true, true).level())
                .isEqualTo(Classification.CONFIDENTIAL);
        assertThat(DataClassifier.column(ColumnHint.TRANSACTION, Set.of(), true, false).level())
                .isEqualTo(Classification.CONFIDENTIAL);
        assertThat(DataClassifier.column(null, Set.of(), true, false).level()).isEqualTo(Classification.INTERNAL);
        assertThat(DataClassifier.column(ColumnHint.EMAIL, Set.of(), false, false).level())
                .isEqualTo(Classification.PUBLIC);
    }

    @Test
    void aDatasetTakesItsHighestColumnAndNamesIt() {
        var columns = new LinkedHashMap<String, Classified>();
        columns.put("id", DataClassifier.column(ColumnHint.IDENTIFIER, Set.of(), true, false));
        columns.put("age", DataClassifier.column(ColumnHint.AGE, Set.of(), true, true));
        Classified dataset = DataClassifier.dataset(columns);
        assertThat(dataset.level()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(dataset.reason()).contains("age").doesNotContain("id,");
        columns.put("email", DataClassifier.column(null, Set.of(EntityType.EMAIL), true, false));
        assertThat(DataClassifier.dataset(columns).level()).isEqualTo(Classification.RESTRICTED);
        assertThat(DataClassifier.dataset(columns).reason()).startsWith("column email: personal data");
    }
}
