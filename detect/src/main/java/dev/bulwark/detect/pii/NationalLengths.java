package dev.bulwark.detect.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says, without parsing, when a run of digits written without a country code cannot be a phone number of a region: a
 * libphonenumber parse with its extension and number-shape patterns costs several microseconds, and {@link Phones}
 * tried up to seven regions for every digit run of a text (an order number, the groups of a card number). What a
 * parse can make of the run is narrow: its national significant number is the run itself, or the run without the
 * region's country code, its national prefix, or both (the prefix twice after the code: "1 1 1 234 567 8900" is a US
 * number to libphonenumber); a region whose possible lengths (local-only ones included,
 * from the same metadata {@link PhoneNumberUtil} reads) admit none of those lengths can neither validate nor call the
 * number possible. Regions that strip more than a fixed prefix (a national prefix pattern or transform rule, as in
 * Argentina or Brazil) and runs that start with the region's international call prefix are always left to the parse.
 * Immutable and thread-safe.
 */
final class NationalLengths {
    private final String countryCode;
    /** The national prefix a parse strips (digits), "" when none; null when the region strips by pattern. */
    private final String nationalPrefix;
    private final Pattern internationalPrefix;
    private final BitSet possible;

    private NationalLengths(String countryCode, String nationalPrefix, Pattern internationalPrefix, BitSet possible) {
        this.countryCode = countryCode;
        this.nationalPrefix = nationalPrefix;
        this.internationalPrefix = internationalPrefix;
        this.possible = possible;
    }

    /** The lengths of {@code region} and of the main region of its country code (which validation may read). */
    static NationalLengths of(String region, PhoneNumberUtil util) {
        PhoneMetadata metadata = metadata(region);
        int code = util.getCountryCodeForRegion(region);
        var possible = new BitSet();
        for (String r : List.of(region, util.getRegionCodeForCountryCode(code))) {
            PhoneMetadata m = metadata(r);
            if (m == null) continue;
            m.getGeneralDesc().getPossibleLengthList().forEach(possible::set);
            m.getGeneralDesc().getPossibleLengthLocalOnlyList().forEach(possible::set);
        }
        String prefix = metadata == null ? null : plainNationalPrefix(metadata);
        Pattern international = metadata == null || metadata.getInternationalPrefix().isEmpty() ? null
                : Pattern.compile(metadata.getInternationalPrefix());
        return new NationalLengths(Integer.toString(code), prefix, international, possible);
    }

    private static PhoneMetadata metadata(String region) {
        return DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                .getMetadataForRegion(region);
    }

    private static String plainNationalPrefix(PhoneMetadata metadata) {
        if (!metadata.getNationalPrefixTransformRule().isEmpty()) return null;
        String forParsing = metadata.getNationalPrefixForParsing();
        if (forParsing.isEmpty()) return metadata.getNationalPrefix().chars().allMatch(Character::isDigit)
                ? metadata.getNationalPrefix() : null;
        return forParsing.chars().allMatch(Character::isDigit) ? forParsing : null;
    }

    /**
     * False only when no parse of {@code digits} (the digits of a number written without {@code +} or {@code 00}) in
     * this region can give a valid or possible number; true when it may, or when this region cannot be told cheaply.
     */
    boolean admits(String digits) {
        if (nationalPrefix == null || possible.isEmpty()) return true;
        if (internationalPrefix != null && internationalPrefix.matcher(digits).lookingAt()) return true;
        for (int codes = 0; codes <= 1; codes++) {
            if (codes == 1 && !digits.startsWith(countryCode)) break;
            int at = codes * countryCode.length();
            // a parse that finds the country code strips the national prefix after it, and then once more
            for (int prefixes = 0; prefixes <= 2; prefixes++) {
                if (possible(digits.length() - at)) return true;
                if (nationalPrefix.isEmpty() || !digits.startsWith(nationalPrefix, at)) break;
                at += nationalPrefix.length();
            }
        }
        return false;
    }

    private boolean possible(int length) {
        return length > 0 && possible.get(length);
    }
}
