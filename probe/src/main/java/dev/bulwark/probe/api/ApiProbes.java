package dev.bulwark.probe.api;

import dev.bulwark.core.Cvss;
import dev.bulwark.kb.CvssScorer;
import java.net.URI;

/** What the API hygiene checks share: the harmless prompt they send, loopback detection, context CVSS. */
final class ApiProbes {
    /** Cheap for the target (a short answer), harmless in any log. */
    static final String BENIGN_PROMPT = "Hello! In one short sentence, what can you help me with?";


    private ApiProbes() {
    }

    /** Decided from the literal host only: resolving names would be a network lookup outside the engagement. */
    static boolean isLoopback(URI uri) {
        return dev.bulwark.probe.Hosts.isLoopback(uri);
    }

    /** A context vector that replaces the class's base vector when the situation is clearly worse or milder. */
    static Cvss cvss(String vector) {
        return CvssScorer.score(vector);
    }
}
