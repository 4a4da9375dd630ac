package dev.bulwark.supply.model.formats;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an external-data location stays inside the model's folder. ONNX resolves it against the model's
 * directory, so anything absolute, any parent step, a drive, share, scheme, home or stream name reaches elsewhere.
 * Checked for both separators, since the file may be loaded on either system.
 */
final class ExternalDataPath {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");

    private ExternalDataPath() {
    }

    /** Why {@code location} escapes the model folder, or empty when it stays inside. */
    static Optional<String> escape(String location) {
        String path = location.replace('\\', '/');
        if (path.indexOf('\0') >= 0) return Optional.of("contains a NUL byte that truncates the path");
        if (path.startsWith("//")) return Optional.of("names a network share");
        if (path.startsWith("/")) return Optional.of("is an absolute path");
        if (DRIVE.matcher(path).find()) return Optional.of("names a drive");
        if (path.startsWith("~")) return Optional.of("points into a home directory");
        if (path.contains(":")) return Optional.of("holds a colon (a URL scheme or an NTFS stream)");
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) return Optional.of("climbs out of the model folder with '..'");
        }
        return Optional.empty();
    }
}
