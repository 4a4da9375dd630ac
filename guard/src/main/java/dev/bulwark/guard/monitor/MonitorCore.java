package dev.bulwark.guard.monitor;

import dev.bulwark.guard.config.ExtractionPolicy;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * What both monitors share: this instance's client windows, the verdict rules and the alert sinks. The memory
 * monitor uses it alone; the Redis monitor replaces its counts with the shared ones.
 */
final class MonitorCore implements AutoCloseable {
    private final ExtractionPolicy policy;
    private final MonitorSettings settings;
    private final ClientTable<ClientWindow> clients;
    private final Verdicts verdicts;
    private final AlertSinks sinks;
    private final long bucketMillis;
    private final long secret = new SecureRandom().nextLong();

    MonitorCore(ExtractionPolicy policy, MonitorSettings settings, AlertSinks sinks) {
        this.policy = policy;
        this.settings = settings;
        this.clients = new ClientTable<>(settings.maxClients());
        this.verdicts = new Verdicts(policy, Math.max(8, Math.min(policy.minSample(), settings.ringSize() / 2)));
        this.sinks = sinks;
        this.bucketMillis = Math.max(1, policy.window().toMillis() / settings.buckets());
    }

    ExtractionPolicy policy() {
        return policy;
    }

    MonitorSettings settings() {
        return settings;
    }

    Verdicts verdicts() {
        return verdicts;
    }

    long bucketMillis() {
        return bucketMillis;
    }

    long bucket(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), bucketMillis);
    }

    ClientWindow window(String clientKey) {
        return clients.get(clientKey, k -> new ClientWindow(settings, secret));
    }

    /** Counts the request on this instance and returns the client's window as this instance saw it. */
    WindowStats recordLocally(ClientWindow window, PromptFeatures prompt, long bucket) {
        return window.record(prompt, bucket, verdicts.probeMinSample());
    }

    void alert(String clientKey, Verdicts.Finding finding, Instant now) {
        sinks.fire(new ExtractionAlert(clientKey, finding.condition(), finding.value(), finding.threshold(),
                policy.window(), now));
    }

    int trackedClients() {
        return clients.size();
    }

    long evictions() {
        return clients.evictions();
    }

    @Override
    public void close() {
        sinks.close();
    }
}
