package dev.bulwark.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.bulwark.detect.Checksums;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NationalLengthsTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** The default regions, and some whose national prefix is a pattern or whose numbers vary in length. */
    private static final List<String> REGIONS = new ArrayList<>(Phones.DEFAULT_REGIONS);
    private static final Map<String, NationalLengths> LENGTHS = new ConcurrentHashMap<>();

    static {
        REGIONS.addAll(List.of("AR", "MX", "JP", "CN", "RU", "ZA", "NG", "KR", "SG", "NZ", "DK", "FI", "NO", "HU"));
    }

    private static NationalLengths lengths(String region) {
        return LENGTHS.computeIfAbsent(region, r -> NationalLengths.of(r, UTIL));
    }

    @Test
    void aCardNumbersGroupsCannotBeAUsNumberButAUsNumberWithOrWithoutItsOneCan() {
        assertThat(lengths("US").admits("424242424242")).isFalse();
        assertThat(lengths("US").admits("42424242")).isFalse();
        assertThat(lengths("US").admits("4155550134")).isTrue();
        assertThat(lengths("US").admits("14155550134")).isTrue();
        assertThat(lengths("US").admits("5550134")).isTrue(); // a local number
        assertThat(lengths("ES").admits("912345678")).isTrue();
        assertThat(lengths("ES").admits("4242424242")).isFalse();
    }

    @Test
    void regionsThatStripByPatternAreAlwaysLeftToTheParse() {
        // Argentina's national prefix for parsing is a pattern with a transform rule (mobile "15" inserted)
        assertThat(lengths("AR").admits("1")).isTrue();
    }

    /** What {@link Phones} does with a national digit run it parses: a valid or a possible number, or nothing. */
    private static boolean parseFindsANumber(String written, String region) {
        try {
            PhoneNumber n = UTIL.parse(written, region);
            return UTIL.isValidNumberForRegion(n, region) || UTIL.isPossibleNumber(n);
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Property(tries = 3000)
    void aRunTheLengthsRuleOutNeverParsesAsANumberOfTheRegion(@ForAll("nationalRuns") String written) {
        String digits = Checksums.digitsOf(written);
        for (String region : REGIONS) {
            if (!lengths(region).admits(digits)) {
                assertThat(parseFindsANumber(written, region)).as("%s in %s", written, region).isFalse();
            }
        }
    }

    /**
     * Digit runs near real numbers: a region's example number (of a random type) or random digits, behind an
     * optional national prefix or country code, a few digits longer or shorter, grouped as people write them.
     */
    @Provide
    Arbitrary<String> nationalRuns() {
        Arbitrary<String> example = Combinators.combine(Arbitraries.of(REGIONS), Arbitraries.of(PhoneNumberType.values()))
                .as((region, type) -> {
                    PhoneNumber n = UTIL.getExampleNumberForType(region, type);
                    return n == null ? "5550134" : UTIL.getNationalSignificantNumber(n);
                });
        Arbitrary<String> random = Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(15);
        Arbitrary<String> base = Arbitraries.oneOf(example, random);
        Arbitrary<String> prefix = Arbitraries.of("", "", "0", "1", "0", "44", "49", "33", "39", "34", "91", "55", "54",
                "15", "011", "8", "9");
        Arbitrary<String> tail = Arbitraries.strings().numeric().ofMaxLength(3);
        return Combinators.combine(prefix, base, tail, Arbitraries.integers().between(0, 3),
                        Arbitraries.of("", " ", "-", ".", " "), Arbitraries.integers().between(2, 4))
                .as((p, b, t, cut, separator, group) -> {
                    String run = p + b.substring(0, Math.max(1, b.length() - cut)) + t;
                    var written = new StringBuilder();
                    for (int i = 0; i < run.length(); i++) {
                        if (i > 0 && i % group == 0) written.append(separator);
                        written.append(run.charAt(i));
                    }
                    return written.toString();
                })
                .filter(w -> !w.startsWith("00"));
    }
}
