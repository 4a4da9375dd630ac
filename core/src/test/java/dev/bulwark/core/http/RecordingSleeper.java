package dev.bulwark.core.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records every wait the client asks for and waits only a few milliseconds, still waking on stop. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration, CountDownLatch stop) throws InterruptedException {
        waits.add(duration);
        stop.await(Math.min(duration.toMillis(), 5), TimeUnit.MILLISECONDS);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
