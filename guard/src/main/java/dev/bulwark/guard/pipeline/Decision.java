package dev.bulwark.guard.pipeline;

/**
 * One thing a protection decided about one request, for the audit log, metrics and the {@code x-bulwark-*} headers.
 *
 * @param stage    {@code access}, {@code limit}, {@code input}, {@code output}, {@code monitor}, {@code upstream}
 * @param detector what looked: {@code injection}, {@code pii}, {@code secrets}, {@code canary}, {@code system-prompt},
 *                 {@code markdown-image}, {@code html}, {@code logprobs}, {@code size}, {@code schema},
 *                 {@code max-tokens}, {@code extraction}, {@code scanner-error}, {@code tls}, ...
 * @param action   {@code blocked}, {@code redacted}, {@code flagged}, {@code stripped}, {@code escaped},
 *                 {@code capped}, {@code throttled}, {@code alerted}, {@code failed}
 * @param score    the detector's score when it has one, else 1
 * @param count    how many things it acted on (entities redacted, images stripped, ...)
 * @param detail   short, never containing the raw text found (entity types, rule ids)
 */
public record Decision(String stage, String detector, String action, double score, int count, String detail) {
}
