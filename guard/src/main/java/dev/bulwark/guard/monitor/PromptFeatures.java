package dev.bulwark.guard.monitor;

import java.util.Arrays;

/**
 * What the monitor keeps of one prompt: hashes and word-token hashes, never the text. Reads at most
 * {@link #MAX_CHARS} characters so a huge prompt costs no more than a long one.
 *
 * @param exactHash    the prompt lower-cased with whitespace collapsed: equal means the same request repeated
 * @param templateHash the same with every run of digits replaced by {@code 0}: the distinct-prompt identity, and
 *                     equal with a different {@code exactHash} means only numbers changed (an enumeration step)
 * @param tokens       hashes of the word tokens of the templated text, the first and last {@link #MAX_TOKENS}/2
 *                     when longer, for the near-duplicate comparison
 * @param tokenCount   how many tokens the prompt had before capping
 */
record PromptFeatures(long exactHash, long templateHash, int[] tokens, int tokenCount) {
    static final int MAX_CHARS = 16_384;
    static final int MAX_TOKENS = 48;

    /** Normalises and hashes {@code prompt}; the same text gives the same hashes in every process. */
    static PromptFeatures of(String prompt) {
        int end = Math.min(prompt.length(), MAX_CHARS);
        long exact = Hashing.SEED_EXACT;
        long template = Hashing.SEED_TEMPLATE;
        TokenCollector tokens = new TokenCollector();
        boolean pendingSpace = false;
        boolean inDigits = false;
        boolean started = false;
        for (int i = 0; i < end; i++) {
            char c = prompt.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = started;
                inDigits = false;
                tokens.boundary();
                continue;
            }
            char lower = Character.toLowerCase(c);
            if (pendingSpace) {
                exact = Hashing.step(exact, ' ');
                template = Hashing.step(template, ' ');
                pendingSpace = false;
            }
            started = true;
            exact = Hashing.step(exact, lower);
            boolean digit = Character.isDigit(lower);
            if (digit) {
                if (!inDigits) {
                    template = Hashing.step(template, '0');
                    tokens.add('0');
                }
            } else {
                template = Hashing.step(template, lower);
                if (Character.isLetter(lower)) {
                    tokens.add(lower);
                } else {
                    tokens.boundary();
                }
            }
            inDigits = digit;
        }
        tokens.boundary();
        return new PromptFeatures(Hashing.finish(exact), Hashing.finish(template), tokens.result(), tokens.count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptFeatures f && f.exactHash == exactHash && f.templateHash == templateHash
                && f.tokenCount == tokenCount && Arrays.equals(f.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exactHash) * 31 + Long.hashCode(templateHash);
    }

    @Override
    public String toString() {
        return "PromptFeatures[tokens=" + tokenCount + "]";
    }

    /** Collects token hashes, keeping the head and a rolling tail once there are more than {@code MAX_TOKENS}. */
    private static final class TokenCollector {
        private static final int HALF = MAX_TOKENS / 2;
        private final int[] head = new int[HALF];
        private final int[] tail = new int[HALF];
        private int count;
        private int current = Hashing.TOKEN_SEED;
        private boolean inToken;

        void add(char c) {
            current = (current ^ c) * 0x01000193;
            inToken = true;
        }

        void boundary() {
            if (!inToken) {
                return;
            }
            int h = Hashing.mix32(current);
            if (count < HALF) {
                head[count] = h;
            } else {
                tail[(count - HALF) % HALF] = h;
            }
            count++;
            current = Hashing.TOKEN_SEED;
            inToken = false;
        }

        int[] result() {
            if (count <= HALF) {
                return Arrays.copyOf(head, count);
            }
            int tailCount = Math.min(count - HALF, HALF);
            int[] out = Arrays.copyOf(head, HALF + tailCount);
            int start = count - HALF <= HALF ? 0 : (count - HALF) % HALF;
            for (int i = 0; i < tailCount; i++) {
                out[HALF + i] = tail[(start + i) % HALF];
            }
            return out;
        }
    }
}
