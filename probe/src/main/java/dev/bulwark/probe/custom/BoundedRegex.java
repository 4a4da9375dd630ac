package dev.bulwark.probe.custom;

import java.util.regex.Pattern;

/**
 * A user's regular expression run against a target's reply, with its work bounded: the reply is cut to
 * {@link #MAX_INPUT} characters and the matcher reads it through a sequence that gives up after
 * {@link #MAX_STEPS} character reads, so a catastrophic pattern cannot hang the engagement.
 */
final class BoundedRegex {
    static final int MAX_PATTERN = 300;
    static final int MAX_INPUT = 20_000;
    static final long MAX_STEPS = 5_000_000;

    private final Pattern pattern;

    BoundedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** True when the pattern matches; throws {@link TooCostly} when the step limit is reached. */
    boolean find(String text) {
        String cut = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        return pattern.matcher(new Counting(cut)).find();
    }

    String pattern() {
        return pattern.pattern();
    }

    /** The pattern needed more steps than allowed on one reply. */
    static final class TooCostly extends RuntimeException {
        TooCostly() {
            super("the pattern needed more than " + MAX_STEPS + " steps on this reply", null, false, false);
        }
    }

    /** Counts every character the matcher reads. */
    private static final class Counting implements CharSequence {
        private final CharSequence text;
        private final long[] steps;

        Counting(CharSequence text) {
            this(text, new long[1]);
        }

        private Counting(CharSequence text, long[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) throw new TooCostly();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counting(text.subSequence(start, end), steps);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
