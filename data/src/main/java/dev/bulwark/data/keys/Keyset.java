package dev.bulwark.data.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.detect.redact.KeyFileException;
import dev.bulwark.detect.redact.KeyFiles;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bulwark keyset file: one JSON file holding every Tink keyset one {@link KeyPurpose} needs, unencrypted (protect
 * it like a password; keep it apart from the data):
 *
 * <pre>{"format":"bulwark-keyset/1","purpose":"pseudonymize","id":"ks_…","created":"…",
 *  "keysets":{"token":{Tink JSON keyset},"derive":{Tink JSON keyset}}}</pre>
 *
 * The id is random and stable across rotations, so audit lines name the keyset without naming a key. Files are
 * created owner-only and never overwritten, replaced atomically on rotation, and overwritten then deleted on
 * destruction (detect's {@link KeyFiles}, shared with {@code redact --new-key}). {@code toString} never shows keys.
 */
public final class Keyset {
    static final String FORMAT = "bulwark-keyset/1";
    static final String TOKEN = "token";
    static final String DERIVE = "derive";
    static final String STREAM = "stream";
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            DeterministicAeadConfig.register();
            PrfConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeyPurpose purpose;
    private final String id;
    private final String created;
    private final Map<String, KeysetHandle> parts;

    private Keyset(KeyPurpose purpose, String id, String created, Map<String, KeysetHandle> parts) {
        this.purpose = purpose;
        this.id = id;
        this.created = created;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** A new keyset for {@code purpose}: one fresh key per part. */
    public static Keyset generate(KeyPurpose purpose) {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        var parts = new LinkedHashMap<String, KeysetHandle>();
        try {
            for (var part : purpose.parts().entrySet()) parts.put(part.getKey(), KeysetHandle.generateNew(part.getValue()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate keys", e);
        }
        return new Keyset(purpose, "ks_" + HexFormat.of().formatHex(random),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), parts);
    }

    /** Reads a keyset file; {@link DataInputException} naming the file (never a key) when it is not one. */
    public static Keyset read(Path file) {
        String text;
        try {
            text = KeyFiles.read(file, MAX_FILE_BYTES);
        } catch (KeyFileException e) {
            throw new DataInputException(e.getMessage() + (e.getMessage().endsWith("no such file")
                    ? " (was the keyset destroyed? tokens made with a destroyed keyset cannot be reversed)" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new DataInputException(file + ": not a Bulwark keyset (invalid JSON)");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new DataInputException(file + ": not a Bulwark keyset (no \"format\": \"" + FORMAT + "\"); make one "
                    + "with: bulwark keys create FILE");
        }
        KeyPurpose purpose = KeyPurpose.ofLabel(root.path("purpose").asText());
        if (purpose == null) throw new DataInputException(file + ": unknown keyset purpose '" + root.path("purpose").asText() + "'");
        var parts = new LinkedHashMap<String, KeysetHandle>();
        for (String part : purpose.parts().keySet()) {
            JsonNode node = root.path("keysets").path(part);
            if (!node.isObject()) throw new DataInputException(file + ": the " + part + " keyset is missing");
            try {
                parts.put(part, TinkJsonProtoKeysetFormat.parseKeyset(node.toString(), InsecureSecretKeyAccess.get()));
            } catch (GeneralSecurityException | RuntimeException e) {
                // Tink's message may quote key material; it is not repeated.
                throw new DataInputException(file + ": the " + part + " keyset is not a valid Tink JSON keyset");
            }
        }
        return new Keyset(purpose, root.path("id").asText("?"), root.path("created").asText("?"), parts);
    }

    /** This keyset with a fresh primary key added to every part; the old keys stay (old tokens still decrypt). */
    public Keyset rotate() {
        var rotated = new LinkedHashMap<String, KeysetHandle>();
        try {
            for (var part : parts.entrySet()) {
                Parameters params = purpose.parts().get(part.getKey());
                var entry = KeysetHandle.generateEntryFromParameters(params).withRandomId().makePrimary();
                rotated.put(part.getKey(), KeysetHandle.newBuilder(part.getValue()).addEntry(entry).build());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to the keyset", e);
        }
        return new Keyset(purpose, id, created, rotated);
    }

    /** Writes a new file, owner read/write only; an existing file is never overwritten. */
    public void write(Path file) {
        try {
            KeyFiles.writeNew(file, json());
        } catch (KeyFileException e) {
            throw new DataInputException(e.getMessage());
        }
    }

    /** Replaces the file in one step (after {@link #rotate}). */
    public void overwrite(Path file) {
        try {
            KeyFiles.replace(file, json());
        } catch (KeyFileException e) {
            throw new DataInputException(e.getMessage());
        }
    }

    /**
     * Cryptographic erasure: reads the file (so only a Bulwark keyset is ever destroyed), overwrites its bytes with
     * random ones, forces them to disk and deletes it. Returns what was destroyed, for the user to record.
     */
    public static Keyset destroy(Path file) {
        Keyset doomed = read(file);
        try {
            KeyFiles.destroy(file);
        } catch (KeyFileException e) {
            throw new DataInputException(e.getMessage());
        }
        return doomed;
    }

    public KeyPurpose purpose() {
        return purpose;
    }

    /** Random id, stable across rotations. */
    public String id() {
        return id;
    }

    /** The Tink keyset {@code part} (see {@link KeyPurpose}). */
    public KeysetHandle part(String part) {
        KeysetHandle h = parts.get(part);
        if (h == null) throw new IllegalArgumentException(purpose.label() + " keyset has no part " + part);
        return h;
    }

    /** The file must be a keyset for {@code expected}; {@code file} names it in the error. */
    public Keyset require(KeyPurpose expected, Path file) {
        if (purpose != expected) {
            throw new DataInputException(file + ": a " + purpose.label() + " keyset, not a " + expected.label()
                    + " keyset (make one with: bulwark keys create FILE" + (expected == KeyPurpose.FILES ? " --files" : "")
                    + ")");
        }
        return this;
    }

    /** Part → key ids, oldest first; no key material. */
    public Map<String, List<Integer>> keyIds() {
        var ids = new LinkedHashMap<String, List<Integer>>();
        for (var part : parts.entrySet()) {
            var list = new ArrayList<Integer>();
            for (int i = 0; i < part.getValue().size(); i++) list.add(part.getValue().getAt(i).getId());
            ids.put(part.getKey(), List.copyOf(list));
        }
        return ids;
    }

    /** Part → id of its primary key. */
    public Map<String, Integer> primaryIds() {
        var ids = new LinkedHashMap<String, Integer>();
        for (var part : parts.entrySet()) ids.put(part.getKey(), part.getValue().getPrimary().getId());
        return ids;
    }

    /** One line for people: id, purpose, and each part's key ids with the primary starred. */
    public String describe() {
        var out = new StringBuilder(id + " (" + purpose.label() + ")");
        var primaries = primaryIds();
        keyIds().forEach((part, ids) -> {
            out.append("; ").append(part).append(" keys ");
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) out.append(", ");
                out.append(Integer.toUnsignedString(ids.get(i))).append(ids.get(i).equals(primaries.get(part)) ? "*" : "");
            }
        });
        return out.toString();
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("purpose", purpose.label()).put("id", id).put("created", created);
        ObjectNode keysets = root.putObject("keysets");
        try {
            for (var part : parts.entrySet()) {
                keysets.set(part.getKey(), JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(part.getValue(),
                        InsecureSecretKeyAccess.get())));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot serialise the keyset", e);
        }
    }

    @Override
    public String toString() {
        return "Keyset[" + id + ", " + purpose.label() + ", ***]";
    }
}
