package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two values printed close together: the word that labels one ("phone", "order") must not move the score of the
 * other, and a value's own label must still count when another number sits between them in a list.
 */
class NeighbouringNumbersTest {
    private static final String CARD = "4012 8888 8888 1881";

    private final EntityScanner engine = EntityEngine.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone +44 20 7946 0021, card 4012 8888 8888 1881.                 | PHONE         | +44 20 7946 0021
            phone +44 20 7946 0021, card 4012 8888 8888 1881.                 | PAYMENT_CARD  | 4012 8888 8888 1881
            tel 020 7946 0021; card 4012-8888-8888-1881                       | PAYMENT_CARD  | 4012-8888-8888-1881
            order 123456, card 4012 8888 8888 1881                            | PAYMENT_CARD  | 4012 8888 8888 1881
            invoice 20240315 paid by card 4012888888881881                    | PAYMENT_CARD  | 4012888888881881
            card 4012 8888 8888 1881, phone +44 20 7946 0021.                 | PAYMENT_CARD  | 4012 8888 8888 1881
            card 4012 8888 8888 1881, phone +44 20 7946 0021.                 | PHONE         | +44 20 7946 0021
            card 4012 8888 8888 1881, call 020 7946 0021                      | PHONE         | 020 7946 0021
            SSN 536-22-8726, card 4012 8888 8888 1881.                        | US_SSN        | 536-22-8726
            SSN 536-22-8726, card 4012 8888 8888 1881.                        | PAYMENT_CARD  | 4012 8888 8888 1881
            call 020 7946 0021, ssn 536228726                                 | US_SSN        | 536228726
            order 98765 for ssn 536228726                                     | US_SSN        | 536228726
            ip 192.168.1.20, card 4012 8888 8888 1881.                        | IP_ADDRESS    | 192.168.1.20
            ip 192.168.1.20, card 4012 8888 8888 1881.                        | PAYMENT_CARD  | 4012 8888 8888 1881
            card 4012 8888 8888 1881 from host 10.20.30.40                    | IP_ADDRESS    | 10.20.30.40
            cards 4012 8888 8888 1881, 4111 1111 1111 1111                    | PAYMENT_CARD  | 4012 8888 8888 1881
            cards 4012 8888 8888 1881, 4111 1111 1111 1111                    | PAYMENT_CARD  | 4111 1111 1111 1111
            phone +44 20 7946 0021, SIN 130 692 544                           | CA_SIN        | 130 692 544
            tel 020 7946 0021, NHS number 943 476 5919                        | UK_NHS        | 943 476 5919
            NHS numbers 943 476 5919, 401 023 2137                            | UK_NHS        | 401 023 2137
            phone +44 20 7946 0021, IBAN DE89 3704 0044 0532 0130 00          | IBAN          | DE89 3704 0044 0532 0130 00
            IBAN DE89 3704 0044 0532 0130 00, card 4012 8888 8888 1881        | PAYMENT_CARD  | 4012 8888 8888 1881
            """)
    void eachOfTwoNearbyNumbersIsFound(String text, EntityType type, String value) {
        List<Entity> found = engine.scan(text);
        assertThat(found)
                .as("%s in %s", type, found)
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(text.substring(e.start(), e.end())).isEqualTo(value);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone +44 20 7946 0021, card 4012 8888 8888 1881. | 2
            ssn 536-22-8726, card 4012 8888 8888 1881 and ip 192.168.1.20 | 3
            cards 4012 8888 8888 1881, 4012 8888 8888 1881, 4111 1111 1111 1111 | 3
            """)
    void everyValueIsMaskedByTheRedactor(String text, int values) {
        List<Entity> found = engine.scan(text);
        assertThat(found).hasSize(values);
        assertThat(Redactor.standard().redact(text)).doesNotContain(CARD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone +44 20 7946 0021, card 4012 | 29 | 22
            NHS numbers 943 476 5919, 401 023 2137 | 26 | 0
            card ending 1881: 4012 | 18 | 0
            """)
    void labelsReachBackToTheLastNumberWordsSeparate(String text, int start, int from) {
        assertThat(ScanText.of(text).labelFrom(start, 40)).isEqualTo(from);
    }
}
