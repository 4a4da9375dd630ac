package dev.bulwark.core.http;

import dev.bulwark.core.tls.ExtraTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request over the JDK client, nothing more: no redirects (the engagement client follows them itself so every
 * hop passes the allow-list), a whole-exchange deadline, a capped body, and in-flight requests cancelled on stop.
 */
final class Transport implements AutoCloseable {

    /** A reply before the engagement client decides what it means. */
    record Raw(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {
    }

    private final HttpClient client;
    private final int maxBodyBytes;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** @param trusted certificates trusted besides the system's ({@link ExtraTrust}); none: the JDK's default context */
    Transport(Duration connectTimeout, int maxBodyBytes, List<X509Certificate> trusted) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout);
        if (!trusted.isEmpty()) builder.sslContext(ExtraTrust.context(trusted));
        this.client = builder.build();
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Sends and reads the reply within {@code deadline}. Throws {@link CancellationException} when {@link #stop}
     * cancelled the exchange.
     */
    Raw exchange(HttpRequest request, Duration deadline) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<CappedBody.Bytes>> future =
                client.sendAsync(request, info -> new CappedBody(maxBodyBytes));
        inFlight.add(future);
        try {
            if (stopped) future.cancel(true);
            HttpResponse<CappedBody.Bytes> response = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            CappedBody.Bytes body = response.body();
            return new Raw(response.statusCode(), response.headers().map(), body.data(), body.truncated());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete reply within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof CancellationException ce) throw ce;
            throw new IOException(String.valueOf(cause), cause);
        } finally {
            inFlight.remove(future);
        }
    }

    void stop() {
        stopped = true;
        inFlight.forEach(f -> f.cancel(true));
    }

    @Override
    public void close() {
        stop();
        client.shutdownNow();
    }
}
