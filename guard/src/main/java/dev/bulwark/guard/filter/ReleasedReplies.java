package dev.bulwark.guard.filter;

import dev.bulwark.guard.config.ApiKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The chat replies the gateway let through to each client, as digests. A chat app sends the whole conversation back
 * with every request; were the assistant's own earlier replies read as new input, a single false alarm on one of them
 * (long, document-like answers are where the learned model errs most: docs/accuracy.md) would refuse every later
 * request of that conversation. A reply this gateway released to this client, sent back unchanged as an assistant
 * turn, is the model's own filtered output, so it is not scored for injection again; a forged or edited assistant
 * turn, one released to another client, or one forgotten (least recently used first out) is scored like any other
 * text. Behind a load balancer the instances share what they released through Redis ({@link SharedReplies}); this
 * memory is each instance's own view of it. Whitespace runs count as one space (apps trim and re-wrap). Thread-safe.
 */
final class ReleasedReplies {
    static final int MAX_ENTRIES = 4096;
    /** Compiled once: every chat reply and every assistant turn sent back passes through it. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<Key, Boolean> released = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Remembers {@code reply} as released to {@code client}; its digest, or null when there is nothing to remember. */
    String remember(String client, String reply) {
        if (client == null || reply.isBlank()) return null;
        String digest = digest(reply);
        rememberDigest(client, digest);
        return digest;
    }

    /** Remembers a digest another instance released (read from {@link SharedReplies}). */
    void rememberDigest(String client, String digest) {
        synchronized (released) {
            released.put(new Key(client, digest), Boolean.TRUE);
        }
    }

    boolean contains(String client, String text) {
        return client != null && !text.isBlank() && containsDigest(client, digest(text));
    }

    boolean containsDigest(String client, String digest) {
        synchronized (released) {
            return released.get(new Key(client, digest)) != null;
        }
    }

    /** Lower-case hex SHA-256 of the whitespace-normalised text. */
    static String digest(String text) {
        return ApiKeys.sha256Hex(WHITESPACE.matcher(text.strip()).replaceAll(" "));
    }

    private record Key(String client, String digest) {
    }
}
