package dev.bulwark.guard.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name a client is tracked, counted in Redis and alerted under. A plain id ({@code support-app}) is used as is;
 * anything else (a long or odd JWT subject, control characters) becomes {@code ~} and a SHA-256 prefix, so no
 * caller-chosen text reaches a log line, a Redis key or a webhook unbounded or unescaped.
 */
final class ClientKeys {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

    private ClientKeys() {
    }

    static String of(String clientId) {
        if (clientId != null && PLAIN.matcher(clientId).matches()) {
            return clientId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(clientId).getBytes(StandardCharsets.UTF_8));
            return "~" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
