package dev.bulwark.report.sarif;

import dev.bulwark.core.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** A finding's location as SARIF locations: a live target's URL, or a file (with its line when known). */
final class SarifLocations {
    private SarifLocations() {
    }

    static List<Sarif.Location> of(Location location) {
        if (location.url() != null && !location.url().isBlank()) {
            String uri = uri(location.url());
            return uri == null ? List.of() : List.of(physical(uri, null));
        }
        if (location.path() != null && !location.path().isBlank()) {
            String uri = fileUri(location.path());
            Sarif.Region region = location.line() != null && location.line() > 0
                    ? new Sarif.Region(location.line()) : null;
            return uri == null ? List.of() : List.of(physical(uri, region));
        }
        return List.of();
    }

    private static Sarif.Location physical(String uri, Sarif.Region region) {
        return new Sarif.Location(new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uri), region));
    }

    /** A URL as written when it parses, else null: an unparsable location is left out, not guessed. */
    private static String uri(String url) {
        try {
            return new URI(url).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Relative paths stay relative (SARIF consumers resolve them against the checkout); absolute become file: URIs. */
    static String fileUri(String path) {
        String slashed = path.replace('\\', '/');
        try {
            if (slashed.startsWith("/") || slashed.matches("[A-Za-z]:/.*")) {
                return Path.of(path).toUri().toASCIIString();
            }
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException | InvalidPathException e) {
            return null;
        }
    }
}
