package dev.bulwark.probe.oob;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The loopback out-of-band collector: a tiny HTTP listener on 127.0.0.1 (a free port) that records every
 * {@code GET|HEAD /bwk/<token>…} it receives, so a check that planted a unique image URL can prove the reply was
 * actually rendered and fetched. It only listens: it never sends a request, never follows anything it receives
 * and answers every hit with the same 1×1 GIF. It binds to the loopback interface only, so nothing outside this
 * machine can reach it, and it keeps at most {@value #MAX_HITS} hits with bounded fields.
 *
 * <p>Started only when the scope's rules enable it ({@code outOfBandCollector: true}), for the duration of one
 * check on one target, and closed afterwards.
 */
public final class OobCollector implements AutoCloseable {
    static final int MAX_HITS = 1_000;
    private static final int MAX_FIELD = 300;
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{6,64}");
    /** A transparent 1×1 GIF: renderers get a real image, so nothing retries. */
    private static final byte[] PIXEL = {71, 73, 70, 56, 57, 97, 1, 0, 1, 0, -128, 0, 0, 0, 0, 0, -1, -1, -1, 33, -7,
            4, 1, 0, 0, 0, 0, 44, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 68, 1, 0, 59};

    /** One fetch of a planted URL: the token, the query string it carried (bounded), the client's User-Agent. */
    public record Hit(String token, String query, String userAgent, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Hit> hits = new ArrayList<>();

    private OobCollector(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts listening on 127.0.0.1 and a free port. */
    public static OobCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), 0), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bulwark-oob-collector");
                t.setDaemon(true);
                return t;
            });
            OobCollector collector = new OobCollector(server, executor);
            server.createContext("/", collector::handle);
            server.setExecutor(executor);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the out-of-band collector on 127.0.0.1", e);
        }
    }

    /** The URL to plant for {@code token}: {@code http://127.0.0.1:PORT/bwk/TOKEN}. */
    public URI urlFor(String token) {
        if (!TOKEN.matcher(token).matches()) throw new IllegalArgumentException("not a collector token: " + token);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bwk/" + token);
    }

    /** Every recorded fetch of {@code token}'s URL. */
    public synchronized List<Hit> hits(String token) {
        return hits.stream().filter(h -> h.token().equals(token)).toList();
    }

    /** Waits up to {@code timeout} for any of {@code tokens} to be fetched (renderers fetch after the reply). */
    public List<Hit> await(List<String> tokens, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<Hit> found = hits.stream().filter(h -> tokens.contains(h.token())).toList();
                long left = deadline - System.nanoTime();
                if (!found.isEmpty() || left <= 0) return found;
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            String token = path.startsWith("/bwk/") ? path.substring(5).split("[/.?]", 2)[0] : "";
            if (!(method.equals("GET") || method.equals("HEAD")) || !TOKEN.matcher(token).matches()) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            record(new Hit(token, bounded(ex.getRequestURI().getRawQuery()),
                    bounded(ex.getRequestHeaders().getFirst("User-Agent")), Instant.now()));
            ex.getResponseHeaders().add("Content-Type", "image/gif");
            ex.getResponseHeaders().add("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
            } else {
                ex.sendResponseHeaders(200, PIXEL.length);
                ex.getResponseBody().write(PIXEL);
            }
        }
    }

    private synchronized void record(Hit hit) {
        if (hits.size() < MAX_HITS) hits.add(hit);
        notifyAll();
    }

    private static String bounded(String value) {
        if (value == null) return "";
        return value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
