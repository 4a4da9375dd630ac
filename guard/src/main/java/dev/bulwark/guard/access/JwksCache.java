package dev.bulwark.guard.access;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import dev.bulwark.guard.config.JwtConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The verification keys, held in memory and reloaded on a background thread: verifying a token never waits on a file
 * or the network. A token naming a key we do not have asks for an early reload (at most one per
 * {@link #MIN_ON_DEMAND_INTERVAL}), so a key rotated in by the issuer works within that interval. Only public keys are kept.
 */
final class JwksCache implements JWKSource<SecurityContext>, AutoCloseable {
    static final int MAX_JWKS_BYTES = 1 << 20;
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
    static final Duration MIN_ON_DEMAND_INTERVAL = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());

    private final Loader loader;
    private final String sourceName;
    private final AtomicReference<JWKSet> current = new AtomicReference<>(new JWKSet());
    private final long minOnDemandNanos;
    private final AtomicLong lastOnDemandNanos;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulwark-jwks-refresh");
        t.setDaemon(true);
        return t;
    });

    @FunctionalInterface
    interface Loader {
        JWKSet load() throws IOException, ParseException;
    }

    private JwksCache(Loader loader, String sourceName, Duration minOnDemandInterval) {
        this.loader = loader;
        this.sourceName = sourceName;
        this.minOnDemandNanos = minOnDemandInterval.toNanos();
        this.lastOnDemandNanos = new AtomicLong(System.nanoTime() - minOnDemandNanos);
    }

    /**
     * A file is read once right here, so a bad path or file fails at start-up; a URL is first fetched on the
     * background thread (tokens are refused until it answers).
     */
    static JwksCache start(JwtConfig config, Duration minOnDemandInterval) {
        Duration refresh = config.jwksRefresh() == null || config.jwksRefresh().isZero() ? DEFAULT_REFRESH
                : config.jwksRefresh();
        JwksCache cache;
        if (config.jwksFile() != null) {
            Path file = config.jwksFile();
            cache = new JwksCache(() -> readFile(file), file.toString(), minOnDemandInterval);
            try {
                cache.current.set(cache.loader.load());
            } catch (IOException | ParseException e) {
                cache.close();
                throw new IllegalArgumentException("jwt.jwksFile " + file + ": " + e.getMessage(), e);
            }
        } else if (config.jwksUrl() != null) {
            URI url = config.jwksUrl();
            cache = new JwksCache(() -> fetch(url), url.toString(), minOnDemandInterval);
            cache.refresher.execute(cache::reload);
        } else {
            throw new IllegalArgumentException("jwt: give jwksFile or jwksUrl");
        }
        cache.refresher.scheduleWithFixedDelay(cache::reload, refresh.toMillis(), refresh.toMillis(),
                TimeUnit.MILLISECONDS);
        return cache;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> keys = selector.select(current.get());
        if (keys.isEmpty()) reloadSoon();
        return keys;
    }

    /** How many keys are loaded (0 until the first load succeeded). */
    int size() {
        return current.get().size();
    }

    private void reloadSoon() {
        long now = System.nanoTime();
        long last = lastOnDemandNanos.get();
        if (now - last >= minOnDemandNanos && lastOnDemandNanos.compareAndSet(last, now)) {
            refresher.execute(this::reload);
        }
    }

    private void reload() {
        try {
            JWKSet loaded = loader.load();
            current.set(loaded);
        } catch (IOException | ParseException | RuntimeException e) {
            // keep the keys we have: a flaky JWKS endpoint must not lock everybody out
            LOG.log(System.Logger.Level.WARNING, "JWKS reload from {0} failed ({1}); keeping {2} cached keys",
                    sourceName, e.getClass().getSimpleName(), current.get().size());
        }
    }

    private static JWKSet readFile(Path file) throws IOException, ParseException {
        if (Files.size(file) > MAX_JWKS_BYTES) throw new IOException("larger than " + MAX_JWKS_BYTES + " bytes");
        return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).toPublicJWKSet();
    }

    private static JWKSet fetch(URI url) throws IOException, ParseException {
        Resource resource = new DefaultResourceRetriever(5_000, 5_000, MAX_JWKS_BYTES, false).retrieveResource(url.toURL());
        return JWKSet.parse(resource.getContent()).toPublicJWKSet();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
