package dev.bulwark.guard.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Reads a whole stream (a client's request body, an upstream's reply) into memory, but never more than a limit:
 * past it the read fails with {@link TooLarge} and the stream is paused, so the caller decides how to cut it off.
 */
final class BoundedRead {
    private BoundedRead() {
    }

    static Future<Buffer> read(ReadStream<Buffer> stream, long limit) {
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(v -> promise.tryComplete(body));
        stream.handler(chunk -> {
            if (body.length() + (long) chunk.length() > limit) {
                stream.handler(null);
                stream.pause();
                promise.tryFail(new TooLarge(limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        stream.resume();
        return promise.future();
    }

    /** The stream held more than the limit. */
    static final class TooLarge extends Exception {
        final long limit;

        TooLarge(long limit) {
            super("more than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }
    }
}
