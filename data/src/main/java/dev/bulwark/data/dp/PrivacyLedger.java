package dev.bulwark.data.dp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.data.table.DataInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy-budget ledger: one append-only JSON Lines file, any number of datasets (by sha256), each with a total
 * budget fixed by its first query and the spends of every query since (sequential composition: ε and δ add up).
 *
 * <p>Write-ahead: {@link #spend} checks the budget and appends the spend, fsynced, before the caller releases
 * anything, so a crash can lose an answer but never a spend. Each line is {@code {"entry":{…},"sha256":"…"}}: the
 * hash covers the entry's exact text, and each entry names the previous line's hash ({@code prev}), so a damaged
 * or removed line in the middle is detected and the ledger refuses to go on. A torn last line (a crash while
 * writing) is counted as spent when its dataset, ε and δ — the first fields of every line — survived; the next
 * write then seals it with a {@code torn} entry that records that charge. When they did not survive, the ledger
 * refuses every query until a person has looked at it (see docs/data-protection-dp.md). Runs sharing a ledger are
 * serialised by a file lock (and a lock per file inside one JVM, where file locks do not exclude each other).
 */
public final class PrivacyLedger {
    /** A ledger larger than this is refused rather than read into memory (about 100,000 queries). */
    static final long MAX_BYTES = 64L << 20;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final String HEAD = "{\"entry\":";
    private static final Pattern TAIL = Pattern.compile(",\"sha256\":\"([0-9a-f]{64})\"}$");
    private static final Pattern TORN_PREFIX = Pattern.compile("^\\{\"entry\":\\{\"type\":\"(budget|spend)\","
            + "\"dataset\":\"([0-9a-f]{64})\",\"epsilon\":\"([0-9.]{1,64})\",\"delta\":\"([0-9.]{1,64})\"");

    private final Path file;
    private final Clock clock;

    /**
     * Jackson, built on first use: a DP query writes the ledger on a second thread while DuckDB counts, and Jackson's
     * start (tens of milliseconds in the interpreter) belongs there rather than before the query on the main thread.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private PrivacyLedger(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public static PrivacyLedger at(Path file) {
        return new PrivacyLedger(file, Clock.systemUTC());
    }

    /**
     * The ledger's id of {@code data}: its sha256, remembered in a file beside the ledger ("LEDGER.digests") while
     * the file's stat data is unchanged ({@link DigestCache}), so a repeated query does not read the file twice.
     */
    public DatasetId identify(Path data) {
        return new DigestCache(file.resolveSibling(file.getFileName() + ".digests")).identify(data);
    }

    /** What a successful spend leaves: the dataset's budget, all spent on it so far (this query included). */
    public record Receipt(PrivacyAmount budget, PrivacyAmount spent, boolean created, Optional<String> warning) {
        public PrivacyAmount left() {
            return budget.leftAfter(spent);
        }
    }

    /** One dataset's standing in the ledger. */
    public record Standing(PrivacyAmount budget, PrivacyAmount spent) {
    }

    /**
     * Records {@code cost} against {@code dataset}, durably, or refuses. The first spend on a dataset fixes its budget:
     * {@code budget} when given, else {@link PrivacyAmount#DEFAULT_BUDGET}; later a different {@code budget} is an
     * error (a budget that can be raised is no budget).
     *
     * @throws BudgetExceededException when the spend would pass the budget (nothing is written)
     * @throws DataInputException when the ledger is damaged or unreadable, or {@code budget} contradicts it
     */
    public Receipt spend(DatasetId dataset, PrivacyAmount budget, PrivacyAmount cost, String query) {
        if (cost.epsilon().signum() <= 0) throw new IllegalArgumentException("a query spends epsilon > 0");
        return locked(channel -> {
            State state = State.read(file, channel);
            if (state.unreadableTail != null) throw new DataInputException(state.unreadableTail);
            var out = new StringBuilder();
            String prev = state.lastHash;
            if (state.missingNewline) out.append('\n');
            if (state.tornLine > 0) {
                ObjectNode torn = entry("torn", state.tornDataset, state.tornCharge, prev);
                torn.put("line", state.tornLine);
                out.append('\n');
                prev = append(out, torn);
            }
            PrivacyAmount fixed = state.budgets.get(dataset.sha256());
            boolean created = fixed == null;
            if (created) {
                fixed = budget != null ? budget : PrivacyAmount.DEFAULT_BUDGET;
                ObjectNode b = entry("budget", dataset.sha256(), fixed, prev);
                b.put("path", dataset.path());
                b.put("time", clock.instant().toString());
                prev = append(out, b);
            } else if (budget != null && !budget.sameAs(fixed)) {
                throw new DataInputException(file + ": the budget of " + dataset.path() + " was fixed at " + fixed
                        + " by its first query; --budget cannot change it");
            }
            PrivacyAmount spent = state.spent.getOrDefault(dataset.sha256(), PrivacyAmount.NONE);
            PrivacyAmount after = spent.plus(cost);
            if (!after.fitsWithin(fixed)) throw new BudgetExceededException(dataset, cost, fixed.leftAfter(spent), fixed);
            ObjectNode s = entry("spend", dataset.sha256(), cost, prev);
            s.put("path", dataset.path());
            s.put("query", query.length() > 500 ? query.substring(0, 500) + "…" : query);
            s.put("time", clock.instant().toString());
            append(out, s);
            write(channel, out.toString());
            Optional<String> warning = Optional.empty();
            String otherVersion = state.paths.entrySet().stream()
                    .filter(e -> e.getValue().equals(dataset.path()) && !e.getKey().equals(dataset.sha256()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (created && otherVersion != null) {
                warning = Optional.of(dataset.path() + " had other content before (sha256 " + otherVersion.substring(0, 12)
                        + "…): the ledger counts changed content as a new dataset with a fresh budget; queries on both "
                        + "versions add up for the people in both");
            }
            return new Receipt(fixed, after, created, warning);
        });
    }

    /** Every dataset's budget and spend, as the ledger reads now (including a torn last line, counted as spent). */
    public Map<String, Standing> standings() {
        return locked(channel -> {
            State state = State.read(file, channel);
            if (state.unreadableTail != null) throw new DataInputException(state.unreadableTail);
            var out = new HashMap<String, Standing>();
            state.budgets.forEach((sha, b) -> out.put(sha, new Standing(b, state.spent.getOrDefault(sha, PrivacyAmount.NONE))));
            return out;
        });
    }

    private interface Action<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T locked(Action<T> action) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try {
            Path dir = file.getParent();
            boolean existed = Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!existed) syncDirectory(dir);
                return action.run(channel);
            }
        } catch (IOException e) {
            throw new DataInputException(file + ": cannot use the ledger: " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory; the file's own fsync still holds its content
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = channel.size();
        while (bytes.hasRemaining()) at += channel.write(bytes, at);
        channel.force(true);
    }

    private static ObjectNode entry(String type, String dataset, PrivacyAmount amount, String prev) {
        ObjectNode e = Json.MAPPER.createObjectNode(); // field order matters: a torn line is read by its first fields
        e.put("type", type);
        e.put("dataset", dataset);
        e.put("epsilon", amount.epsilon().toPlainString());
        e.put("delta", amount.delta().toPlainString());
        e.put("prev", prev);
        return e;
    }

    /** Appends one line; returns its hash (the next line's {@code prev}). */
    private static String append(StringBuilder out, ObjectNode entry) {
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = sha256(text);
        out.append(HEAD).append(text).append(",\"sha256\":\"").append(hash).append("\"}\n");
        return hash;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger as read: budgets and spends per dataset, the last hash, and what a torn last line holds. */
    private static final class State {
        final Map<String, PrivacyAmount> budgets = new HashMap<>();
        final Map<String, PrivacyAmount> spent = new HashMap<>();
        final Map<String, String> paths = new HashMap<>();
        String lastHash = "";
        int tornLine;
        String tornDataset;
        PrivacyAmount tornCharge;
        String unreadableTail;
        boolean missingNewline;

        static State read(Path file, FileChannel channel) throws IOException {
            long size = channel.size();
            if (size > MAX_BYTES) throw new DataInputException(file + ": ledger larger than " + MAX_BYTES + " bytes");
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // read it all
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            var state = new State();
            String[] lines = text.split("\n", -1);
            int damaged = 0; // a complete line that fails its checks: allowed only when the next line seals it
            for (int i = 0; i < lines.length - 1; i++) {
                int number = i + 1;
                JsonNode entry = parse(lines[i], state.lastHash);
                if (entry == null) {
                    if (damaged > 0) throw corrupt(file, damaged);
                    damaged = number;
                    continue;
                }
                if (damaged > 0 && !(entry.path("type").asText().equals("torn") && entry.path("line").asInt() == damaged)) {
                    throw corrupt(file, damaged);
                }
                damaged = 0;
                state.apply(file, number, entry);
                state.lastHash = lines[i].substring(lines[i].length() - 66, lines[i].length() - 2);
            }
            if (damaged > 0) throw corrupt(file, damaged);
            String tail = lines[lines.length - 1];
            if (tail.isEmpty()) return state;
            JsonNode last = damaged == 0 ? parse(tail, state.lastHash) : null;
            if (last != null) { // complete but for its newline: the write stopped just before it
                state.apply(file, lines.length, last);
                state.lastHash = tail.substring(tail.length() - 66, tail.length() - 2);
                state.missingNewline = true;
            } else {
                state.torn(file, lines.length, tail);
            }
            return state;
        }

        /** The entry of a line whose hash and chain check out, else null. */
        private static JsonNode parse(String line, String expectedPrev) {
            Matcher tail = TAIL.matcher(line);
            if (!line.startsWith(HEAD) || !tail.find()) return null;
            String text = line.substring(HEAD.length(), tail.start());
            if (!sha256(text).equals(tail.group(1))) return null;
            try {
                JsonNode entry = Json.MAPPER.readTree(text);
                return entry.path("prev").asText().equals(expectedPrev) ? entry : null;
            } catch (IOException e) {
                return null;
            }
        }

        private void apply(Path file, int number, JsonNode entry) {
            String type = entry.path("type").asText();
            String dataset = entry.path("dataset").asText();
            PrivacyAmount amount;
            try {
                amount = new PrivacyAmount(new BigDecimal(entry.path("epsilon").asText()),
                        new BigDecimal(entry.path("delta").asText()));
            } catch (IllegalArgumentException e) {
                throw new DataInputException(file + ":" + number + ": bad epsilon or delta in the ledger");
            }
            switch (type) {
                case "budget" -> {
                    budgets.putIfAbsent(dataset, amount);
                    paths.put(dataset, entry.path("path").asText());
                }
                case "spend", "torn" -> spent.merge(dataset, amount, PrivacyAmount::plus);
                default -> throw new DataInputException(file + ":" + number + ": unknown ledger entry type " + type);
            }
        }

        private void torn(Path file, int number, String tail) {
            Matcher m = TORN_PREFIX.matcher(tail);
            if (!m.find()) {
                unreadableTail = file + ":" + number + ": the last line is incomplete (a run stopped while writing it) "
                        + "and its spend cannot be read; the ledger refuses every query until a person has checked it. "
                        + "See docs/data-protection-dp.md, \"A damaged ledger\"";
                return;
            }
            try {
                var amount = new PrivacyAmount(new BigDecimal(m.group(3)), new BigDecimal(m.group(4)));
                tornLine = number;
                tornDataset = m.group(2);
                // a torn budget line spent nothing; a torn spend is counted as spent
                tornCharge = m.group(1).equals("spend") ? amount : PrivacyAmount.NONE;
                spent.merge(tornDataset, tornCharge, PrivacyAmount::plus);
            } catch (IllegalArgumentException e) {
                unreadableTail = file + ":" + number + ": the last line is incomplete and its amounts cannot be read";
            }
        }

        private static DataInputException corrupt(Path file, int line) {
            return new DataInputException(file + ":" + line + ": ledger line damaged, edited or removed (its checksum "
                    + "or its link to the line before does not match); the ledger refuses every query until a person "
                    + "has checked it");
        }
    }
}
