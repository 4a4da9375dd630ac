package dev.bulwark.guard.access;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.KeysMerge;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the keys file again whenever it changes, so {@code guard keys add} and {@code guard keys remove} take effect
 * in a running gateway within two polls ({@link #DEFAULT_INTERVAL} each; a change is read once it has held still for
 * one) — a leaked key is revoked without a restart. A file that cannot be used (a hand edit gone wrong, a role the
 * config lacks) changes nothing: the clients loaded before stay, and the log says which line is wrong. The file is
 * compared by modification time, size and file key (the keys commands replace it by renaming), polled rather than
 * watched: inotify misses files on network mounts and symlinked configs, and one {@code stat} every two seconds
 * costs nothing.
 */
final class KeysWatcher implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = System.getLogger(KeysWatcher.class.getName());

    private final GuardConfig config;
    private final Path file;
    private final Consumer<ClientTable> replace;
    private final ScheduledExecutorService timer;
    private Stamp seen;
    private Stamp pending;

    /** What the file looked like when last read: absent, or its identity, time and size. */
    record Stamp(Object fileKey, long modifiedMillis, long size) {
        static final Stamp ABSENT = new Stamp(null, -1, -1);
    }

    /** The clients read at one moment, with the file's stamp taken just before the read. */
    record Snapshot(Stamp stamp, ClientTable table) {
    }

    private KeysWatcher(GuardConfig config, Stamp seen, Duration interval, Consumer<ClientTable> replace) {
        this.config = config;
        this.file = config.keysFile();
        this.replace = replace;
        this.seen = seen;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulwark-keys-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The clients of the config and its keys file now. The stamp is taken first, so a change during the read is
     * seen as a change at the first poll.
     *
     * @throws IllegalArgumentException when the keys file cannot be used
     */
    static Snapshot snapshot(GuardConfig config) {
        Stamp before = stamp(config.keysFile());
        return new Snapshot(before, read(config));
    }

    /** Polls the keys file every {@code interval}; each usable change goes to {@code replace}. */
    static KeysWatcher start(GuardConfig config, Snapshot loaded, Duration interval, Consumer<ClientTable> replace) {
        return new KeysWatcher(config, loaded.stamp(), interval, replace);
    }

    private static ClientTable read(GuardConfig config) {
        List<ClientConfig> clients;
        try {
            clients = KeysMerge.clients(config);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return ClientTable.of(clients);
    }

    private void check() {
        Stamp now = stamp(file);
        if (Objects.equals(now, seen)) {
            pending = null;
            return;
        }
        // read a change only once it has held still for a poll: a file being written (truncated, then filled) must
        // not be read half-way, when it may even be valid and hold no keys
        if (!now.equals(pending)) {
            pending = now;
            return;
        }
        seen = now;
        pending = null;
        try {
            ClientTable table = read(config);
            replace.accept(table);
            LOG.log(Level.INFO, () -> "keys file " + file + " changed: API keys accepted now: " + table.keys().size());
        } catch (RuntimeException e) {
            // a half-edited or wrong file never replaces working keys; the next change is read again
            LOG.log(Level.WARNING, "keys file " + file + " changed but cannot be used, the keys from before stay: "
                    + e.getMessage());
        }
    }

    private static Stamp stamp(Path file) {
        if (file == null) return Stamp.ABSENT;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            return Stamp.ABSENT;
        } catch (IOException e) {
            return new Stamp("unreadable: " + e.getClass().getSimpleName(), -1, -1);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
