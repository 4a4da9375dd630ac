package dev.bulwark.supply.deps.osv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Streams one URL into a temporary file, bounded in size, hashing it on the way. */
final class Downloader {
    /** A completed download: the temporary file (the caller deletes it) and its sha256. */
    record Download(Path file, String sha256, long bytes) {
    }

    private final HttpClient client;
    private final Duration timeout;

    Downloader(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    static HttpClient defaultClient() {
        // Redirects within https only (NORMAL never downgrades https to http).
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Download fetch(URI uri, long maxBytes, Path tempDir) throws UpdateException {
        HttpResponse<InputStream> response;
        try {
            var request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "bulwark-db-update").GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.NETWORK, "cannot reach " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException(UpdateException.Kind.NETWORK, "interrupted while downloading " + uri, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new UpdateException(UpdateException.Kind.NETWORK, uri + " answered HTTP " + response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new UpdateException(UpdateException.Kind.INVALID_DATA, uri + " is " + declared + " bytes, over the limit of " + maxBytes);
            }
            Files.createDirectories(tempDir);
            Path file = Files.createTempFile(tempDir, ".download-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long total = 0;
                byte[] buffer = new byte[1 << 16];
                try (OutputStream out = Files.newOutputStream(file)) {
                    int n;
                    while ((n = body.read(buffer)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new UpdateException(UpdateException.Kind.INVALID_DATA, uri + " sent more than " + maxBytes + " bytes");
                        }
                        sha.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                }
                if (declared >= 0 && total != declared) {
                    throw new UpdateException(UpdateException.Kind.NETWORK, uri + ": download ended after " + total + " of " + declared + " bytes");
                }
                return new Download(file, HexFormat.of().formatHex(sha.digest()), total);
            } catch (UpdateException | IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.NETWORK, "download of " + uri + " failed: " + describe(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
