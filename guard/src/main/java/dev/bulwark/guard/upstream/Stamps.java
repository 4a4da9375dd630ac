package dev.bulwark.guard.upstream;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Where translated replies get their {@code created} time and their ids from when the upstream gives none; a seam so
 * tests can fix both.
 */
record Stamps(Clock clock, Supplier<String> randomPart) {
    static final Stamps SYSTEM = new Stamps(Clock.systemUTC(), Stamps::randomAlphanumeric);

    long created() {
        return clock.millis() / 1000;
    }

    String newId(String prefix) {
        return prefix + randomPart.get();
    }

    private static String randomAlphanumeric() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[24];
        for (int i = 0; i < chars.length; i++) chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        return new String(chars);
    }
}
