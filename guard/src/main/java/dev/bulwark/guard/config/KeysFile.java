package dev.bulwark.guard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.config.ConfigFormat;
import dev.bulwark.core.config.ConfigText;
import dev.bulwark.core.config.ValidatedYaml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys {@code bulwark guard keys add} issued: a JSON Lines file, one {@code {"id","keySha256","roles","created"}}
 * per client, holding only the SHA-256 of each key. Changes replace the whole file atomically (owner-only, mode
 * 600) under a lock, so concurrent {@code keys add} runs cannot lose a key and a crash never leaves half a file.
 * A missing file holds no keys.
 */
public final class KeysFile {
    /** Thousands of keys (about 150 bytes each); anything larger is a wrong file. */
    static final int MAX_FILE_BYTES = ValidatedYaml.MAX_FILE_BYTES;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("id", "keySha256", "roles", "created");
    private static final ConfigFormat FORMAT = new ConfigFormat("keys file", "keys file",
            "{\"id\":…,\"keySha256\":…,\"roles\":[…],\"created\":…}", "add a key with: bulwark guard keys add NAME");
    private static final JsonMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(10_000).build())
                    .build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
            .build();

    private final Path file;

    private KeysFile(Path file) {
        this.file = file;
    }

    public static KeysFile at(Path file) {
        return new KeysFile(Objects.requireNonNull(file, "file"));
    }

    public Path path() {
        return file;
    }

    /** One issued key, by its hash. */
    public record Entry(String id, String keySha256, List<String> roles, Instant created) {
        public Entry {
            roles = List.copyOf(roles);
        }

        /** The client this key authenticates, with {@code limits}. */
        public ClientConfig toClient(Limits limits) {
            return new ClientConfig(id, keySha256, roles, limits);
        }
    }

    /** A key just issued: {@link #key} is shown once and never stored. */
    public record IssuedKey(Entry entry, String key) {
        @Override
        public String toString() {
            return "IssuedKey[" + entry + ", key=***]";
        }
    }

    /** An entry and the line it is on, for messages. */
    record Numbered(int line, Entry entry) {
    }

    /** Every entry, in file order; none when the file does not exist. */
    public List<Entry> list() throws ConfigException {
        return numbered().stream().map(Numbered::entry).toList();
    }

    /**
     * Issues a new key for client {@code id} with {@code roles} and stores its hash.
     *
     * @throws ConfigException when {@code id} is not a valid name, already has a key, or the file is unreadable
     */
    public IssuedKey add(String id, List<String> roles, Instant now) throws ConfigException, IOException {
        if (!ID.matcher(id).matches()) {
            throw new ConfigException(file, 0, "id", "'" + cut(id) + "' is not a valid name (letters, digits, '.', "
                    + "'_', '-'; starting with a letter or digit; at most 64)");
        }
        for (String role : roles) {
            if (!ID.matcher(role).matches()) throw new ConfigException(file, 0, "roles", "'" + cut(role) + "' is not a valid role name");
        }
        if (roles.isEmpty()) throw new ConfigException(file, 0, "roles", "a client needs at least one role");
        try (FileChannel lock = OwnerOnlyFiles.lockFile(lockPath()); FileLock held = lock.lock()) {
            List<Numbered> entries = numbered();
            for (Numbered n : entries) {
                if (n.entry().id().equals(id)) {
                    throw new ConfigException(file, n.line(), "id", "a key named '" + id + "' already exists "
                            + "(remove it first: bulwark guard keys remove " + id + ")");
                }
            }
            String key = ApiKeys.generate();
            Entry entry = new Entry(id, ApiKeys.sha256Hex(key), roles, now.truncatedTo(ChronoUnit.SECONDS));
            List<Entry> all = new ArrayList<>(entries.stream().map(Numbered::entry).toList());
            all.add(entry);
            write(all);
            return new IssuedKey(entry, key);
        }
    }

    /** Removes the key of client {@code id}; false when there is none. */
    public boolean remove(String id) throws ConfigException, IOException {
        if (!Files.exists(file)) return false;
        try (FileChannel lock = OwnerOnlyFiles.lockFile(lockPath()); FileLock held = lock.lock()) {
            List<Entry> all = new ArrayList<>(list());
            if (!all.removeIf(e -> e.id().equals(id))) return false;
            write(all);
            return true;
        }
    }

    private Path lockPath() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private void write(List<Entry> entries) throws IOException {
        OwnerOnlyFiles.replace(file, out -> {
            for (Entry e : entries) writeLine(out, e);
        });
    }

    private static void writeLine(OutputStream out, Entry e) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", e.id());
        line.put("keySha256", e.keySha256());
        line.putArray("roles").addAll(e.roles().stream().map(JSON.getNodeFactory()::textNode).toList());
        line.put("created", e.created().toString());
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
    }

    List<Numbered> numbered() throws ConfigException {
        if (!Files.exists(file)) return List.of();
        String text = read();
        List<Numbered> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            Entry entry = parse(line, i + 1);
            if (!ids.add(entry.id())) throw problem(i + 1, "id", "a second key named '" + entry.id() + "'");
            out.add(new Numbered(i + 1, entry));
        }
        return out;
    }

    private String read() throws ConfigException {
        return ConfigText.read(file, MAX_FILE_BYTES, FORMAT);
    }

    private Entry parse(String line, int number) throws ConfigException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw problem(number, "(line)", "not a JSON object: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) throw problem(number, "(line)", "not a JSON object");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw problem(number, cut(name), "unknown field (allowed: created, id, keySha256, roles)");
        }
        String id = text(node, "id", number);
        if (!ID.matcher(id).matches()) throw problem(number, "id", "'" + cut(id) + "' is not a valid client id");
        String hash = text(node, "keySha256", number);
        if (!SHA256.matcher(hash).matches()) throw problem(number, "keySha256", "must be 64 lower-case hex digits");
        JsonNode roles = node.get("roles");
        if (roles == null || !roles.isArray() || roles.isEmpty()) throw problem(number, "roles", "must be a list of role names");
        List<String> names = new ArrayList<>();
        for (JsonNode r : roles) {
            if (!r.isTextual() || !ID.matcher(r.textValue()).matches()) throw problem(number, "roles", "must be a list of role names");
            names.add(r.textValue());
        }
        Instant created;
        try {
            created = Instant.parse(text(node, "created", number));
        } catch (DateTimeParseException e) {
            throw problem(number, "created", "not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        }
        return new Entry(id, hash, names, created);
    }

    private String text(JsonNode node, String field, int line) throws ConfigException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw problem(line, field, "missing or not a string");
        return v.textValue();
    }

    private ConfigException problem(int line, String field, String message) {
        return new ConfigException(file, line, field, message);
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
