package dev.bulwark.detect.pii;

import dev.bulwark.detect.Recognizer;
import java.util.ArrayList;
import java.util.List;

/** The personal-data recognizers of the standard engine. */
public final class PiiRecognizers {
    private static final List<Recognizer> STANDARD = build(Phones.DEFAULT_REGIONS);

    private PiiRecognizers() {
    }

    /** E-mail, phone (default regions), card, IBAN, national ids, IP, date of birth, person name, URL login. */
    public static List<Recognizer> standard() {
        return STANDARD;
    }

    /** The same, validating national phone numbers against {@code phoneRegions} (ISO 3166 codes, e.g. "GB"). */
    public static List<Recognizer> withPhoneRegions(List<String> phoneRegions) {
        if (phoneRegions.isEmpty()) throw new IllegalArgumentException("at least one phone region is required");
        return build(phoneRegions);
    }

    /** The regions national phone numbers are validated against by default. */
    public static List<String> defaultPhoneRegions() {
        return Phones.DEFAULT_REGIONS;
    }

    private static List<Recognizer> build(List<String> regions) {
        var all = new ArrayList<Recognizer>();
        all.add(Emails.recognizer());
        all.add(new Phones(regions));
        all.add(Cards.recognizer());
        all.add(new Ibans());
        all.addAll(NationalIds.recognizers());
        all.addAll(IpAddresses.recognizers());
        all.add(DatesOfBirth.recognizer());
        all.add(new Persons(NameGazetteer.bundled()));
        all.add(UrlCredentials.recognizer());
        return List.copyOf(all);
    }
}
