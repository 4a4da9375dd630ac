package dev.bulwark.guard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The record format (version 1), one canonical JSON object per line: compact, fields in the fixed order written
 * here, UTF-8. Every record starts {@code v, type, seq, instance, prev} and ends with {@code hash}, the SHA-256 of
 * the record's canonical bytes without the {@code hash} member. Because {@code hash} is always last, those bytes are
 * the line with its fixed-length {@code ,"hash":"sha256:<hex>"} suffix removed and {@code }} put back: the
 * verifier hashes the stored bytes themselves, so any change to them shows, whitespace included. A checkpoint's
 * {@code sig} is the last member before {@code hash} and signs the bytes without {@code sig} and {@code hash}.
 */
final class RecordFormat {
    static final int VERSION = 1;
    /** The writer keeps a record below this size: texts are cut (even fully escaped they stay below it). */
    static final int MAX_RECORD_BYTES = 1 << 20;
    /** The verifier refuses longer lines: room for later versions, still a bound on hostile input. */
    static final int MAX_LINE_BYTES = 4 << 20;
    /** Each of {@code input} and {@code output} is cut to this many characters (6 bytes each when escaped). */
    static final int MAX_TEXT_CHARS = 64 * 1024;
    static final int MAX_DECISIONS = 32;
    static final int MAX_SHORT_CHARS = 256;

    static final JsonMapper JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8).maxStringLength(MAX_LINE_BYTES).maxNumberLength(40).build())
            .build()).build();

    private static final byte[] HASH_MARK = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIG_MARK = ",\"sig\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"hash":"sha256:<64 hex>"}} */
    static final int HASH_SUFFIX = HASH_MARK.length + Hashes.LENGTH + 2;

    enum Type {
        EVENT("event"), CHECKPOINT("checkpoint"), GAP("gap"), TORN("torn-tail");

        final String id;

        Type(String id) {
            this.id = id;
        }

        static Type of(String id) {
            for (Type t : values()) if (t.id.equals(id)) return t;
            return null;
        }
    }

    private RecordFormat() {
    }

    static ObjectNode head(Type type, long seq, String instance, String prev) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION).put("type", type.id).put("seq", seq).put("instance", instance).put("prev", prev);
        return n;
    }

    /** Adds the event's fields, in the order of {@link AuditEvent}, bounded. */
    static ObjectNode event(ObjectNode n, AuditEvent e) {
        n.put("at", e.at() == null ? null : e.at().toString())
                .put("requestId", shortText(e.requestId())).put("clientId", shortText(e.clientId()))
                .put("remoteIp", shortText(e.remoteIp())).put("route", shortText(e.route()))
                .put("model", shortText(e.model())).put("upstream", shortText(e.upstream()))
                .put("status", e.status()).put("outcome", shortText(e.outcome()));
        ArrayNode decisions = n.putArray("decisions");
        for (Decision d : e.decisions().subList(0, Math.min(e.decisions().size(), MAX_DECISIONS))) {
            decisions.addObject().put("stage", shortText(d.stage())).put("detector", shortText(d.detector()))
                    .put("action", shortText(d.action())).put("score", finite(d.score())).put("count", d.count())
                    .put("detail", shortText(d.detail()));
        }
        if (e.decisions().size() > MAX_DECISIONS) n.put("decisionsOmitted", e.decisions().size() - MAX_DECISIONS);
        n.put("promptTokens", e.promptTokens()).put("completionTokens", e.completionTokens())
                .put("latencyMillis", e.latencyMillis()).put("streamed", e.streamed())
                .put("input", cut(e.input(), MAX_TEXT_CHARS)).put("output", cut(e.output(), MAX_TEXT_CHARS));
        return n;
    }

    static byte[] canonical(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit record", e);
        }
    }

    /** The line for {@code body} (canonical bytes without hash): body with {@code hash} appended as last member. */
    static byte[] seal(byte[] body, String hash) {
        return appendMember(body, HASH_MARK, hash);
    }

    /** Checkpoint bytes with {@code sig} appended as last member. */
    static byte[] withSignature(byte[] body, String sig) {
        return appendMember(body, SIG_MARK, sig);
    }

    private static byte[] appendMember(byte[] body, byte[] mark, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(body, body.length - 1 + mark.length + v.length + 2);
        int at = body.length - 1;
        System.arraycopy(mark, 0, out, at, mark.length);
        System.arraycopy(v, 0, out, at += mark.length, v.length);
        out[at + v.length] = '"';
        out[at + v.length + 1] = '}';
        return out;
    }

    /** The stated hash at the end of {@code line}, or null when the line does not end the way a record must. */
    static String statedHash(byte[] line) {
        int at = line.length - HASH_SUFFIX;
        if (at < 1 || line[0] != '{' || !regionEquals(line, at, HASH_MARK)) return null;
        if (line[line.length - 2] != '"' || line[line.length - 1] != '}') return null;
        String hash = new String(line, at + HASH_MARK.length, Hashes.LENGTH, StandardCharsets.US_ASCII);
        return Hashes.isHash(hash) ? hash : null;
    }

    /** The canonical bytes the hash covers: the line without its hash member (call after {@link #statedHash}). */
    static byte[] hashedBytes(byte[] line) {
        byte[] body = Arrays.copyOf(line, line.length - HASH_SUFFIX + 1);
        body[body.length - 1] = '}';
        return body;
    }

    /** The bytes a checkpoint's signature covers ({@code body} is {@link #hashedBytes}), or null without sig. */
    static byte[] signedBytes(byte[] body) {
        int at = lastIndexOf(body, SIG_MARK);
        if (at < 0 || body.length < at + SIG_MARK.length + 2 || body[body.length - 2] != '"') return null;
        for (int i = at + SIG_MARK.length; i < body.length - 2; i++) if (body[i] == '"') return null;
        byte[] signed = Arrays.copyOf(body, at + 1);
        signed[at] = '}';
        return signed;
    }

    static JsonNode parse(byte[] line) throws IOException {
        return JSON.readTree(line);
    }

    static String now() {
        return Instant.now().toString();
    }

    private static boolean regionEquals(byte[] a, int at, byte[] b) {
        if (at < 0 || at + b.length > a.length) return false;
        for (int i = 0; i < b.length; i++) if (a[at + i] != b[i]) return false;
        return true;
    }

    private static int lastIndexOf(byte[] a, byte[] b) {
        for (int i = a.length - b.length; i >= 0; i--) if (regionEquals(a, i, b)) return i;
        return -1;
    }

    private static String shortText(String s) {
        return cut(s, MAX_SHORT_CHARS);
    }

    /** At most {@code max} characters, lone surrogates replaced (they have no UTF-8 form and would fail the write). */
    static String cut(String s, int max) {
        if (s == null) return null;
        String text = s.length() <= max ? s : s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
        text = wellFormed(text);
        return s.length() <= max ? text : text + "…[" + (s.length() - text.length()) + " characters cut]";
    }

    private static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!paired && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) out.append(paired ? c : '\uFFFD');
        }
        return out == null ? s : out.toString();
    }

    /** JSON has no NaN or infinity; a detector returning one is recorded as -1 (unknown). */
    private static double finite(double d) {
        return Double.isFinite(d) ? d : -1;
    }
}
