package dev.bulwark.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each recognizer: a valid value is found with its exact span; its off-by-one or context-free twin is not. */
class PiiRecognizersTest {
    private final EntityEngine engine = EntityEngine.standard();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "EMAIL|jane.doe+shop@example.co.uk|write to jane.doe+shop@example.co.uk today",
            "PHONE|+44 20 7946 0958|call +44 20 7946 0958 now",
            "PHONE|(555) 123-4567|call (555) 123-4567 now",
            "PHONE|0049 30 901820|Telefon 0049 30 901820",
            "PHONE|01.84.17.61.18|Can someone call me on 01.84.17.61.18?",
            "PHONE|345-899-3560x4587|phone: 345-899-3560x4587",
            "PAYMENT_CARD|4111 1111 1111 1111|card 4111 1111 1111 1111 exp 12/29",
            "PAYMENT_CARD|5500-0000-0000-0004|card 5500-0000-0000-0004.",
            "PAYMENT_CARD|2223000048400011|mastercard 2223000048400011",
            "PAYMENT_CARD|378282246310005|amex 378282246310005",
            "PAYMENT_CARD|3782 822463 10005|amex 3782 822463 10005",
            "PAYMENT_CARD|6011111111111117|discover 6011111111111117",
            "PAYMENT_CARD|3530111333300000|jcb 3530111333300000",
            "PAYMENT_CARD|30569309025904|diners 30569309025904",
            "PAYMENT_CARD|6200000000000005|unionpay 6200000000000005",
            "IBAN|DE89 3704 0044 0532 0130 00|pay to DE89 3704 0044 0532 0130 00 please",
            "IBAN|gb42nawi04454264788619|iban gb42nawi04454264788619",
            "US_SSN|536-22-8726|My SSN is 536-22-8726.",
            "US_SSN|536228726|social security number 536228726",
            "UK_NHS|943 476 5919|NHS number 943 476 5919",
            "CA_SIN|130 692 544|my SIN is 130 692 544",
            "ES_NIF|12345678Z|DNI 12345678Z",
            "ES_NIF|X1234567L|NIE: X1234567L",
            "IP_ADDRESS|192.168.100.2|host 192.168.100.2 answered",
            "IP_ADDRESS|2001:db8:85a3::8a2e:370:7334|client 2001:db8:85a3::8a2e:370:7334 connected",
            "IP_ADDRESS|::ffff:192.0.2.128|from ::ffff:192.0.2.128",
            "DATE_OF_BIRTH|12 March 1985|I was born on 12 March 1985.",
            "DATE_OF_BIRTH|1985-03-12|DOB: 1985-03-12",
            "DATE_OF_BIRTH|03/12/1985|date of birth 03/12/1985",
            "DATE_OF_BIRTH|March 12, 1985|her birthday is March 12, 1985",
            "PERSON|John Doe|my name is John Doe.",
            "PERSON|Smith|Dear Mr Smith, thanks",
            "PERSON|Sarah Connor|Signed, Sarah Connor",
            "PERSON|Rubija|My name is Rubija",
            "PERSON|Smith|We talked to Dr. Smith yesterday.",
            "PERSON|John Smith|The booking is under John Smith.",
            "PERSON|John Smith|booked under \"John Smith\", table 4",
            "PERSON|Happy Jones|Dear Mr Happy Jones, thanks",
            "PHONE|+44 20 7946 0958|call +44 20 7946 0958. 2.4.1 is the version",
            "URL_CREDENTIALS|admin:s3cr3t|see https://admin:s3cr3t@db.example.com/x",
    })
    void findsTheValueWithItsSpan(String type, String value, String text) {
        List<Entity> found = engine.scan(text);
        assertThat(found).as(text).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EntityType.valueOf(type));
            assertThat(text.substring(e.start(), e.end())).isEqualTo(value);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "card failing Luhn (last digit +1)|card 4111 1111 1111 1112",
            "Luhn-valid but no issuer range|card 9111 1111 1111 1110",
            "Amex one digit short|amex 37828224631000",
            "IBAN check digits off by one|pay to DE88 3704 0044 0532 0130 00",
            "IBAN valid mod-97 but wrong country length|pay to GB82WEST1234569876543",
            "SSN area 000|SSN 000-12-3456",
            "SSN area 666|SSN 666-12-3456",
            "SSN area 9xx|SSN 912-12-3456",
            "SSN group 00|SSN 536-00-8726",
            "SSN serial 0000|SSN 536-22-0000",
            "SSN advertised example|SSN 078-05-1120",
            "SSN textbook example|SSN 123-45-6789",
            "NHS number off by one|NHS number 943 476 5918",
            "SIN starting with 0|SIN 046 454 286",
            "SIN off by one|SIN 130 692 545",
            "DNI wrong letter|DNI 12345678S",
            "version number|upgrade to version 1.2.3.4 today",
            "release with v prefix|released v10.0.0.1 yesterday",
            "octet over 255|host 300.1.2.3 answered",
            "loopback address|POST http://127.0.0.1:8080/v1",
            "IPv6 loopback|listening on ::1 port 80",
            "time of day|meet at 10:30:00 today",
            "meeting date|The meeting is on 12 March 2025.",
            "deadline ISO date|deadline 2024-01-15 for the report",
            "amount|the total is 1,299.00 EUR",
            "large amount|revenue of 12,345,678.90 USD",
            "order id|order 1234567890 shipped",
            "order id with card-like length|order number 4111111111111111 shipped",
            "invoice reference|invoice ref 2024-000123",
            "street address number|The restaurant is at 17151 2450 Crown St",
            "placeholder URL login|https://user:${PASSWORD}@host.example.com",
            "capitalised common words|The Card Will Be Sent To London Street Monday",
            "country names|I will be travelling to Austria and Norway",
            "build number with a dot|build 20240315.1 passed all checks",
            "long number then a decimal|the counter reached 1234567.89 today",
            "field label at a line start|notes:\nKey: rotate it every month\nValue: 30 days",
            "word after a sentence ending in an introducer|We came in under. Final numbers follow on Monday.",
            "word after a lower-case letter and a dot|Review it under plan a. Policy changes next week.",
            "menu label in quotes after an introducer|upload them in the portal under \"Documents\", please",
            "folder label in single quotes|it is saved under 'Appointments' now",
            "common word that is also a given name|*Customer mode on* Happy to help! What do you need?",
    })
    void leavesLookAlikesAlone(String why, String text) {
        assertThat(engine.scan(text)).as(why).isEmpty();
    }
}
