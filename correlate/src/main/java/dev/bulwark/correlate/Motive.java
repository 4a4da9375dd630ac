package dev.bulwark.correlate;

import dev.bulwark.core.scope.ThreatActor;
import java.util.List;

/**
 * What an attacker gains from a scenario, and the threat actors (book §2.1) who pursue that gain: data for sale
 * or misuse draws cybercrime and insiders; models and business intelligence draw competitors and nation states;
 * disruption draws hacktivists and extortionists.
 */
enum Motive {
    DATA_THEFT(ThreatActor.CYBERCRIME, ThreatActor.INSIDER),
    SECRET_THEFT(ThreatActor.COMPETITOR, ThreatActor.CYBERCRIME, ThreatActor.INSIDER),
    MODEL_THEFT(ThreatActor.COMPETITOR, ThreatActor.NATION_STATE),
    DISRUPTION(ThreatActor.HACKTIVIST, ThreatActor.CYBERCRIME),
    FRAUD(ThreatActor.CYBERCRIME, ThreatActor.INSIDER),
    SYSTEM_COMPROMISE(ThreatActor.CYBERCRIME, ThreatActor.NATION_STATE);

    private final List<ThreatActor> actors;

    Motive(ThreatActor... actors) {
        this.actors = List.of(actors);
    }

    /**
     * The scope's actors this motive fits, in scope order. A scope that names no actors has not narrowed the
     * field, so every actor with this motive is listed.
     */
    List<ThreatActor> actorsIn(List<ThreatActor> scopeActors) {
        if (scopeActors.isEmpty()) return actors;
        return scopeActors.stream().filter(actors::contains).distinct().toList();
    }
}
