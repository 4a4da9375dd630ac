package dev.bulwark.probe.api;

import dev.bulwark.core.Cvss;
import dev.bulwark.kb.CvssScorer;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the API hygiene checks share: the harmless prompt they send, loopback detection, context CVSS. */
final class ApiProbes {
    /** Cheap for the target (a short answer), harmless in any log. */
    static final String BENIGN_PROMPT = "Hello! In one short sentence, what can you help me with?";

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private ApiProbes() {
    }

    /** Decided from the literal host only: resolving names would be a network lookup outside the engagement. */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches()
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    /** A context vector that replaces the class's base vector when the situation is clearly worse or milder. */
    static Cvss cvss(String vector) {
        return CvssScorer.score(vector);
    }
}
