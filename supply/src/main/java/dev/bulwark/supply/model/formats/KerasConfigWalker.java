package dev.bulwark.supply.model.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Walks a Keras model config (Keras 2 or 3 JSON, from a {@code .keras} archive's config.json or an {@code .h5}
 * file's {@code model_config} / {@code training_config} attribute) in one streaming pass, object by object, so layers
 * nested at any depth — inside Sequential, Functional, TimeDistributed, Bidirectional, compile_config — are all
 * seen. It reports:
 * <ul>
 *   <li>{@code Lambda} layers: their function is marshalled Python bytecode (Keras 2 {@code function_type: lambda},
 *       Keras 3 {@code __lambda__}) run on load — critical — or a function looked up by module and name — high;</li>
 *   <li>marshalled bytecode anywhere else (a lambda loss or metric) — critical;</li>
 *   <li>{@code TFSMLayer}: loads an external SavedModel from its {@code filepath} — high;</li>
 *   <li>a {@code module} outside Keras (CVE-2025-1550): dangerous modules critical, unknown ones medium.</li>
 * </ul>
 */
final class KerasConfigWalker {
    /** Far deeper than any real model (a few levels per nested model), shallow enough for the parser. */
    static final int MAX_DEPTH = 256;
    private static final long MAX_OBJECTS = 2_000_000;

    /** What one JSON object says about itself while it is open. */
    private static final class Frame {
        final long offset;
        String className;
        String module;
        String registeredName;
        String configText;
        String filepath;
        /** Marshalled bytecode found in this object or below, not yet claimed by a Lambda layer. */
        boolean bytecode;
        /** Where that bytecode is (-1 when the JSON's place in the file is unknown). */
        long bytecodeAt = -1;

        void markBytecode(long at) {
            if (!bytecode) {
                bytecode = true;
                bytecodeAt = at;
            }
        }

        Frame(long offset) {
            this.offset = offset;
        }
    }

    private final Consumer<ModelIssue> report;
    private final long baseOffset;
    private final String where;

    /**
     * @param baseOffset added to JSON byte offsets (-1 when the JSON's position in the file is unknown)
     * @param where      where the JSON came from, for the detail text ("config.json", "model_config attribute")
     */
    KerasConfigWalker(Consumer<ModelIssue> report, long baseOffset, String where) {
        this.report = report;
        this.baseOffset = baseOffset;
        this.where = where;
    }

    void walk(InputStream json, long maxBytes) throws IOException, MalformedModelException {
        Deque<Frame> open = new ArrayDeque<>();
        long objects = 0;
        String field = null;
        try (JsonParser parser = BoundedJson.parser(json, maxBytes, MAX_DEPTH)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> {
                        if (++objects > MAX_OBJECTS) throw new MalformedModelException("more than " + MAX_OBJECTS
                                + " JSON objects", offset(parser));
                        open.push(new Frame(offset(parser)));
                    }
                    case END_OBJECT -> close(open);
                    case FIELD_NAME -> field = parser.currentName();
                    case VALUE_STRING -> {
                        if (!open.isEmpty() && parser.getParsingContext().inObject()) note(open.peek(), field, parser);
                    }
                    default -> {
                        // Numbers, booleans, nulls and arrays carry nothing we judge.
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw new MalformedModelException("Keras config over a parser limit (" + e.getOriginalMessage() + ")", baseOffset);
        } catch (JsonProcessingException e) {
            throw new MalformedModelException("Keras config is not valid JSON (" + e.getOriginalMessage() + ")", baseOffset);
        } catch (java.io.CharConversionException e) {
            throw new MalformedModelException("Keras config is not valid UTF-8", baseOffset);
        }
    }

    private void note(Frame frame, String field, JsonParser parser) throws IOException {
        String value = parser.getText();
        switch (field) {
            case "class_name" -> {
                frame.className = value;
                if (value.equals("__lambda__")) frame.markBytecode(frame.offset);
            }
            case "module" -> frame.module = value;
            case "registered_name" -> frame.registeredName = value;
            case "config" -> frame.configText = value;
            case "filepath" -> frame.filepath = value;
            case "function_type" -> {
                if (value.equals("lambda")) frame.markBytecode(offset(parser));
            }
            default -> {
                // Other string fields are layer settings.
            }
        }
    }

    private void close(Deque<Frame> open) {
        Frame frame = open.pop();
        Frame parent = open.peek();
        judge(frame);
        if ("Lambda".equals(frame.className)) {
            frame.bytecode = false; // claimed: reported with the layer
        }
        if (parent == null) {
            if (frame.bytecode) reportBytecode(frame.bytecodeAt);
            return;
        }
        if (frame.bytecode) parent.markBytecode(frame.bytecodeAt);
        if (frame.filepath != null && parent.filepath == null) parent.filepath = frame.filepath;
    }

    private void judge(Frame frame) {
        String className = frame.className == null ? "" : frame.className;
        if (className.equals("Lambda")) {
            boolean bytecode = frame.bytecode;
            issue(IssueKind.DANGEROUS_CALL, bytecode ? Severity.CRITICAL : Severity.HIGH, frame.offset, "Lambda",
                    bytecode ? "Lambda layer carries marshalled Python bytecode that runs when the model is loaded"
                            + " (Keras 2 / tf.keras, or Keras 3 with safe_mode off)"
                            : "Lambda layer calls a Python function looked up by name when the model is loaded");
        } else if (className.equals("TFSMLayer")) {
            issue(IssueKind.DANGEROUS_CALL, Severity.HIGH, frame.offset, "TFSMLayer",
                    "TFSMLayer loads the external SavedModel "
                            + (frame.filepath == null ? "it names" : "'" + Issues.excerpt(frame.filepath, 120) + "'")
                            + " and runs its graph");
        }
        if (frame.module != null && !frame.module.isEmpty()) {
            String name = className.equals("function") && frame.configText != null ? frame.configText : className;
            judgeModule(frame, frame.module, name);
        } else if (frame.registeredName != null && !frame.registeredName.isEmpty()) {
            judgeRegisteredName(frame);
        }
    }

    private void judgeModule(Frame frame, String module, String name) {
        String callable = module + "." + name;
        switch (KerasModules.classify(module, name)) {
            case DANGEROUS -> issue(IssueKind.DANGEROUS_CALL, Severity.CRITICAL, frame.offset, callable,
                    "Keras config makes the loader import " + Issues.excerpt(callable, 120)
                            + ", which reaches the system (CVE-2025-1550 route)");
            case UNKNOWN -> issue(IssueKind.SUSPICIOUS_CALL, Severity.MEDIUM, frame.offset, callable,
                    "Keras config makes the loader import " + Issues.excerpt(callable, 120)
                            + " from outside Keras; check that the module is code you trust");
            case ALLOWED -> {
                // Keras' own classes and functions.
            }
        }
    }

    /** Keras 3 resolves registered names ("package>Name") from objects registered in the loading process. */
    private void judgeRegisteredName(Frame frame) {
        String name = frame.registeredName;
        int split = name.indexOf('>');
        String owner = split >= 0 ? name.substring(0, split) : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        if (owner.isEmpty()) return;
        String member = name.substring(split >= 0 ? split + 1 : name.lastIndexOf('.') + 1);
        if (KerasModules.classify(owner, member) == KerasModules.Verdict.DANGEROUS) {
            issue(IssueKind.DANGEROUS_CALL, Severity.CRITICAL, frame.offset, name,
                    "Keras config names the registered object " + Issues.excerpt(name, 120) + " from a system module");
        } else if (KerasModules.classify(owner, member) == KerasModules.Verdict.UNKNOWN) {
            issue(IssueKind.SUSPICIOUS_CALL, Severity.LOW, frame.offset, name,
                    "Keras config needs the custom object " + Issues.excerpt(name, 120)
                            + " registered by code in the loading process");
        }
    }

    private void reportBytecode(long at) {
        issue(IssueKind.DANGEROUS_CALL, Severity.CRITICAL, at, "__lambda__",
                "Keras config carries a marshalled Python lambda outside any Lambda layer (a loss, metric or"
                        + " activation) that runs when the model is loaded");
    }

    private void issue(IssueKind kind, Severity severity, long at, String subject, String text) {
        report.accept(new ModelIssue(kind, severity, "", at, Issues.excerpt(subject, 200), text + " (in " + where + ")."));
    }

    private long offset(JsonParser parser) {
        return baseOffset < 0 ? -1 : baseOffset + Math.max(0, parser.currentTokenLocation().getByteOffset());
    }
}
