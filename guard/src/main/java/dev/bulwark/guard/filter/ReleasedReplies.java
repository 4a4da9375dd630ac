package dev.bulwark.guard.filter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The chat replies the gateway let through to each client, as digests. A chat app sends the whole conversation back
 * with every request; were the assistant's own earlier replies read as new input, a single false alarm on one of them
 * (long, document-like answers are where the learned model errs most: docs/accuracy.md) would refuse every later
 * request of that conversation. A reply this gateway released to this client, sent back unchanged as an assistant
 * turn, is the model's own filtered output, so it is not scored for injection again; a forged or edited assistant
 * turn, one released to another client or by another instance, or one forgotten (least recently used first out) is
 * scored like any other text. Whitespace runs count as one space (apps trim and re-wrap). Thread-safe.
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

    void remember(String client, String reply) {
        if (client == null || reply.isBlank()) return;
        Key key = new Key(client, digest(reply));
        synchronized (released) {
            released.put(key, Boolean.TRUE);
        }
    }

    boolean contains(String client, String text) {
        if (client == null || text.isBlank()) return false;
        Key key = new Key(client, digest(text));
        synchronized (released) {
            return released.get(key) != null;
        }
    }

    private static byte[] digest(String text) {
        String normalized = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(String client, byte[] digest) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.client.equals(client) && Arrays.equals(k.digest, digest);
        }

        @Override
        public int hashCode() {
            return 31 * client.hashCode() + Arrays.hashCode(digest);
        }
    }
}
