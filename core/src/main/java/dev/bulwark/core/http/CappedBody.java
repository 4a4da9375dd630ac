package dev.bulwark.core.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a reply body up to a byte cap, then cancels the stream. Pulling one chunk at a time means a hostile target
 * can neither fill our memory nor make us buffer more than the cap; the caller's deadline covers the whole
 * exchange, so a slow trickle cannot hold us either.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /** What was read, and whether the target had more to say than the cap allowed. */
    record Bytes(byte[] data, boolean truncated) {
    }

    private final int cap;
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private byte[] buffer;
    private int size;
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
        this.buffer = new byte[Math.min(cap, 8192)];
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            int room = cap - size;
            if (item.remaining() > room) {
                append(item, room);
                subscription.cancel();
                result.complete(new Bytes(Arrays.copyOf(buffer, size), true));
                return;
            }
            append(item, item.remaining());
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(Arrays.copyOf(buffer, size), false));
    }

    private void append(ByteBuffer item, int count) {
        if (size + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max((long) buffer.length * 2, size + count)));
        }
        item.get(buffer, size, count);
        size += count;
    }
}
