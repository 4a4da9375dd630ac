package dev.bulwark.guard.filter;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.InputTooLargeException;
import dev.bulwark.detect.redact.DeterministicEncryption;
import dev.bulwark.detect.redact.EncryptionKeyset;
import dev.bulwark.detect.redact.Redaction;
import dev.bulwark.detect.redact.RedactionOperator;
import dev.bulwark.detect.redact.StreamingRedactor;
import dev.bulwark.guard.config.Action;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PII and secrets in replies, whole or streamed, with one per-type action each. The redactor replaces every entity
 * it looks at by a token encrypted under a key that lives only in this process ({@code <EMAIL:…>}); {@link #resolve}
 * then turns each token into what the policy wants: the tag {@code <EMAIL>} (redact), the value itself (flag), or
 * the end of the reply (block). Tokens make every replaced entity visible exactly once, with its type, even in a
 * stream where the redactor's own hold-back hides when a value was found; a token-shaped string in the reply itself
 * does not decrypt and stays text. Immutable and thread-safe; streams get their own redactor.
 */
final class EntityStage {
    private static final Pattern TOKEN = Pattern.compile("<([A-Z][A-Z0-9_]{0,39}+):([A-Za-z0-9_-]{8,20000}+)>");

    private final EntityPolicy policy;
    private final DeterministicEncryption tokens;

    EntityStage(EntityPolicy policy) {
        this.policy = policy;
        this.tokens = (DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.generate());
    }

    boolean active() {
        return policy.scanner().isPresent();
    }

    /** The whole text with every entity looked at turned into a token. */
    String mark(String text) {
        EntityScanner scanner = policy.scanner().orElseThrow();
        int limit = scanner instanceof EntityEngine e ? e.maxInput() : EntityEngine.DEFAULT_MAX_INPUT;
        if (text.length() <= limit) {
            try {
                return Redaction.redact(text, scanner, tokens);
            } catch (InputTooLargeException tooLarge) {
                // a filtered scanner over a smaller engine: fall through to the chunked path
            }
        }
        StreamingRedactor redactor = StreamingRedactor.of(policy.scanner().orElseThrow(), tokens);
        return redactor.accept(text) + redactor.finish();
    }

    /**
     * A redactor for one streamed text, emitting tokens. Eager: it releases each word as soon as no entity can still
     * grow over it (time to first token), not after a fixed hold-back of the scanner's longest span.
     */
    StreamingRedactor streaming() {
        return StreamingRedactor.eager(policy.scanner().orElseThrow(), tokens);
    }

    /**
     * Replaces the tokens in {@code marked} by what the policy says, counting each in {@code tally}. Stops at the
     * first entity whose action is block: {@link Resolved#blocked()} then holds and the text ends before it.
     */
    Resolved resolve(String marked, DecisionTally tally) {
        if (marked.indexOf('<') < 0) return new Resolved(marked, false);
        Matcher m = TOKEN.matcher(marked);
        var out = new StringBuilder(marked.length());
        int at = 0;
        while (m.find()) {
            EntityType type = typeNamed(m.group(1));
            if (type == null) continue;
            String value = tokens.decrypt(m.group()).orElse(null);
            if (value == null) continue;
            Action action = policy.actionFor(type);
            tally.add(EntityPolicy.detector(type), EntityPolicy.verb(action), 1, 1.0, type.name());
            out.append(marked, at, m.start());
            at = m.end();
            switch (action) {
                case BLOCK -> {
                    return new Resolved(out.toString(), true);
                }
                case FLAG, OFF -> out.append(value);
                case REDACT, PSEUDONYMIZE -> out.append(type.tag()); // pseudonyms are for requests (schema)
            }
        }
        return new Resolved(out.append(marked, at, marked.length()).toString(), false);
    }

    private static EntityType typeNamed(String name) {
        try {
            return EntityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A resolved piece of text; when {@code blocked}, the reply must end (the text stops before the entity). */
    record Resolved(String text, boolean blocked) {
    }
}
