package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code db update} downloads from. Defaults are the public feeds; {@code BULWARK_OSV_URL} (base of the
 * per-ecosystem archives), {@code BULWARK_KEV_URL} and {@code BULWARK_EPSS_URL} point them at a mirror.
 */
public record DataSources(URI osvBase, URI kev, URI epss) {
    public static final URI DEFAULT_OSV = URI.create("https://osv-vulnerabilities.storage.googleapis.com");
    public static final URI DEFAULT_KEV = URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    public static final URI DEFAULT_EPSS = URI.create("https://epss.cyentia.com/epss_scores-current.csv.gz");

    public DataSources {
        Objects.requireNonNull(osvBase, "osvBase");
        Objects.requireNonNull(kev, "kev");
        Objects.requireNonNull(epss, "epss");
        for (URI u : new URI[]{osvBase, kev, epss}) {
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (!scheme.equals("https") && !scheme.equals("http")) throw new IllegalArgumentException("not an http(s) URL: " + u);
        }
    }

    public static DataSources fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** @throws IllegalArgumentException when a configured URL is not http(s) */
    public static DataSources fromEnvironment(Map<String, String> env) {
        return new DataSources(uri(env, "BULWARK_OSV_URL", DEFAULT_OSV), uri(env, "BULWARK_KEV_URL", DEFAULT_KEV),
                uri(env, "BULWARK_EPSS_URL", DEFAULT_EPSS));
    }

    /** OSV's archive of all records of one ecosystem: {@code <base>/<Ecosystem>/all.zip}. */
    public URI osvArchive(Ecosystem ecosystem) {
        String base = osvBase.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + ecosystem.osvName() + "/all.zip");
    }

    private static URI uri(Map<String, String> env, String name, URI fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return URI.create(v.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + v.strip(), e);
        }
    }
}
