package dev.bulwark.core.scope;

/** The attacker profiles of book §2.1; scenarios name the ones whose goals they serve. */
public enum ThreatActor {
    CYBERCRIME, COMPETITOR, INSIDER, HACKTIVIST, NATION_STATE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
