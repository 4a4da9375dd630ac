package dev.bulwark.detect;

import java.util.List;

/**
 * Finds personal data and secrets in text. Pure, thread-safe, bounded work per input. The redaction operators and
 * the streaming redactor are built on this interface only.
 */
public interface EntityScanner {

    /**
     * Entities in {@code text}: non-overlapping, ordered by start.
     *
     * @throws InputTooLargeException when the text is longer than the scanner accepts
     */
    List<Entity> scan(String text);

    /**
     * The longest span, in characters, any entity this scanner reports can have (with the context it needs). The
     * streaming redactor holds back this many characters between chunks.
     */
    int maxSpan();

    /**
     * The earliest position in {@code text} from which this scanner's report may still change when more text is
     * appended (an entity still growing, or context still to come that decides one); what it reports before that
     * position is final. The streaming redactor's eager mode emits up to here. Never less than
     * {@code text.length() - maxSpan()}; the default is exactly that, which is right for any scanner.
     */
    default int unsettledFrom(String text) {
        return Math.max(0, text.length() - maxSpan());
    }

    /** The standard scanner (all entity types, default threshold): {@link EntityEngine#standard()}. */
    static EntityScanner standard() {
        return EntityEngine.standard();
    }
}
