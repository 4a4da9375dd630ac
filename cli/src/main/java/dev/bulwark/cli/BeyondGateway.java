package dev.bulwark.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Weaknesses a gateway in front of a model cannot close, by check id, with the reason in one sentence: the retest
 * ({@code demo --guarded}) prints it next to each finding that remains, so "still there" never reads as "the gateway
 * failed" when the fix belongs elsewhere. Keep it short and honest: only what a proxy between app and model truly
 * cannot see or change.
 */
final class BeyondGateway {
    private static final Map<String, String> REASONS = Map.of(
            "llm.downstream-injection",
            "the gateway refuses the SQL and shell payloads it recognises, and this one it did not: the reply is the"
                    + " code the user asked for, only dangerous when the app runs it, so the app must use parameterised"
                    + " queries and never hand model output to a shell",
            "api.cleartext",
            "the gateway was reached over plain HTTP: TLS is a deployment choice, and the gateway terminates it itself"
                    + " (listen.tls in docs/guard.md)");

    private BeyondGateway() {
    }

    /** Why a gateway cannot fix what {@code checkId} finds, or empty when it should. */
    static Optional<String> reason(String checkId) {
        return Optional.ofNullable(REASONS.get(checkId));
    }
}
