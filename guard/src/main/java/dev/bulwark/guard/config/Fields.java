package dev.bulwark.guard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import dev.bulwark.core.tls.TrustedCertificates;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one schema-valid mapping of {@code guard.yaml} with their defaults, checking what the schema
 * cannot (URLs, paths, durations) and reporting problems at the field's line. Knows the mapping's path, so callers
 * name fields by their key only.
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final Context context;

    /** What every reader of one file shares: the problems and the folder relative paths start from. */
    record Context(Problems problems, Path base) {
    }

    Fields(JsonNode node, String path, Context context) {
        this.node = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        this.path = path;
        this.context = context;
    }

    /** The mapping under {@code name} (an empty one when absent). */
    Fields object(String name) {
        return new Fields(node.get(name), at(name), context);
    }

    /** The mappings of the list under {@code name}, in order. */
    List<Fields> list(String name) {
        List<Fields> out = new ArrayList<>();
        JsonNode array = node.path(name);
        for (int i = 0; i < array.size(); i++) out.add(new Fields(array.get(i), FieldPath.index(at(name), i), context));
        return out;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** Present and explicitly {@code null}: "none", as opposed to absent, "the default". */
    boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    String path() {
        return path;
    }

    String at(String name) {
        return FieldPath.child(path, name);
    }

    void problem(String name, String message) {
        context.problems().add(at(name), message);
    }

    String text(String name, String fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    List<String> texts(String name, List<String> fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return fallback;
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** The IP addresses and CIDR blocks listed under {@code name} (none when absent); each bad entry is a problem. */
    List<AddressBlock> addressBlocks(String name) {
        List<AddressBlock> out = new ArrayList<>();
        JsonNode array = node.path(name);
        for (int i = 0; i < array.size(); i++) {
            String entry = array.get(i).asText();
            var block = AddressBlock.parse(entry);
            if (block.isPresent()) out.add(block.get());
            else context.problems().add(FieldPath.index(at(name), i), "'" + entry
                    + "' is not an IP address or CIDR block (like 10.0.0.0/8 or fd00::/8); host names are not looked up");
        }
        return out;
    }

    int integer(String name, int fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asInt();
    }

    /** The whole number under {@code name}; absent gives {@code fallback}, an explicit null gives null. */
    Long optionalLong(String name, Long fallback) {
        JsonNode v = node.get(name);
        if (v == null) return fallback;
        return v.isNull() ? null : v.asLong();
    }

    Integer optionalInt(String name, Integer fallback) {
        Long v = optionalLong(name, fallback == null ? null : fallback.longValue());
        return v == null ? null : Math.toIntExact(v);
    }

    double decimal(String name, double fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asDouble();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asBoolean();
    }

    /** An enum constant from a schema-checked value such as {@code strip-external}. */
    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String v = text(name, null);
        return v == null ? fallback : Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} (shape checked by the schema). */
    Duration duration(String name, Duration fallback) {
        String v = text(name, null);
        if (v == null) return fallback;
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        if (amount == 0) {
            problem(name, "must be longer than 0");
            return fallback;
        }
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    Duration seconds(String name, Duration fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : Duration.ofSeconds(v.asLong());
    }

    /** A path relative to the config file's folder; null when absent and {@code fallback} is null. */
    Path path(String name, String fallback) {
        String v = text(name, fallback);
        if (v == null) return null;
        try {
            return context.base().resolve(v).normalize();
        } catch (InvalidPathException e) {
            problem(name, "not a usable path (" + e.getReason() + ")");
            return null;
        }
    }

    /** The certificates in the files listed under {@code name} ({@link TrustedCertificates}); none when absent. */
    List<X509Certificate> certificates(String name) {
        return TrustedCertificates.read(texts(name, List.of()), context.base(), at(name), context.problems());
    }

    /**
     * The lines of a UTF-8 text file named under {@code name}, stripped, without blank lines and {@code #} comments;
     * a file larger than {@code maxBytes}, not UTF-8, or with a line longer than {@code maxLineChars} is a problem
     * (naming the line), and gives no lines.
     */
    List<String> lines(String name, long maxBytes, int maxLineChars) {
        Path file = existingFile(name);
        if (file == null || !Files.isRegularFile(file)) return List.of();
        try {
            if (Files.size(file) > maxBytes) {
                problem(name, file + " is larger than " + maxBytes / 1024 + " KB");
                return List.of();
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            List<String> lines = new ArrayList<>();
            int number = 0;
            for (String line : text.lines().toList()) {
                number++;
                String kept = line.strip();
                if (kept.isEmpty() || kept.startsWith("#")) continue;
                if (kept.length() > maxLineChars) {
                    problem(name, file + " line " + number + ": longer than " + maxLineChars + " characters");
                    return List.of();
                }
                lines.add(kept);
            }
            return lines;
        } catch (CharacterCodingException e) {
            problem(name, file + " is not UTF-8 text");
        } catch (IOException e) {
            problem(name, "cannot read " + file + ": " + e.getMessage());
        }
        return List.of();
    }

    /** Like {@link #path} but the file must exist and be a regular file. */
    Path existingFile(String name) {
        Path p = path(name, null);
        if (p != null && !Files.isRegularFile(p)) {
            problem(name, Files.exists(p) ? "'" + p + "' is not a regular file" : "no such file: " + p);
        }
        return p;
    }

    /**
     * An absolute URL with one of {@code schemes} and a host; credentials in it are refused where they would be
     * logged or shown ({@code credentialsAllowed} false), since secrets belong in headers read from {@code ${VAR}}.
     */
    URI url(String name, Set<String> schemes, boolean credentialsAllowed) {
        String v = text(name, null);
        if (v == null) return null;
        List<String> sorted = schemes.stream().sorted().toList();
        String wrongScheme = "must be a " + String.join(" or ", sorted) + " URL, e.g. " + sorted.get(0) + "://127.0.0.1";
        int colon = v.indexOf("://");
        if (colon < 0 || !schemes.contains(v.substring(0, colon).toLowerCase(Locale.ROOT))) {
            problem(name, wrongScheme);
            return null;
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            problem(name, "not a valid URL (" + e.getReason() + ")");
            return null;
        }
        if (uri.getHost() == null) {
            problem(name, "has no host");
            return null;
        }
        if (!credentialsAllowed && uri.getRawUserInfo() != null) {
            problem(name, "has credentials in it; put them in a header read from ${VAR} instead");
            return null;
        }
        if (uri.getRawFragment() != null) {
            problem(name, "must not have a #fragment");
            return null;
        }
        return uri;
    }
}
