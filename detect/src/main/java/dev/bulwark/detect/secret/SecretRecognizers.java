package dev.bulwark.detect.secret;

import dev.bulwark.detect.Recognizer;
import java.util.ArrayList;
import java.util.List;

/** The secret recognizers of the standard engine: provider token formats, JWTs, private keys, assigned secrets. */
public final class SecretRecognizers {
    private static final List<Recognizer> STANDARD = build();

    private SecretRecognizers() {
    }

    public static List<Recognizer> standard() {
        return STANDARD;
    }

    private static List<Recognizer> build() {
        var all = new ArrayList<Recognizer>(ProviderTokens.recognizers());
        all.add(Jwts.recognizer());
        all.add(new PrivateKeys());
        all.addAll(AssignedSecrets.recognizers());
        return List.copyOf(all);
    }
}
