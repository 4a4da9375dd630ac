package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow {@code saved_model.pb}: SavedModel → meta_graphs → graph_def → nodes, and the graph's function library
 * → functions → node_defs (where TF2 keeps nearly everything). Each node's op goes to {@link TensorFlowOpRules}.
 *
 * <p>Recognition heuristic, since the file has no magic: the head is a SavedModel message — an optional
 * {@code saved_model_schema_version} (field 1, varint) equal to 1, then {@code meta_graphs} (field 2,
 * length-delimited) whose payload starts with a MetaGraphDef field (1–7, all length-delimited). Only fields 1 and 2
 * may appear at the top level. ONNX files, which also start with a varint field 1, carry an IR version of 3 or more.
 */
public final class SavedModelReader implements FormatReader {
    static final String FORMAT = "tf-savedmodel";
    private static final int MAX_MESSAGE_DEPTH = 32;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_ATTRIBUTE_VALUES = 64;
    private static final int MAX_ISSUES_PER_OP = 10;

    private static final ProtoProbe.Schema SAVED_MODEL = (field, wire) ->
            (field == 1 && wire == ProtoReader.VARINT) || (field == 2 && wire == ProtoReader.LEN);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(Head head) {
        List<ProtoProbe.Field> fields = ProtoProbe.fields(head, SAVED_MODEL);
        if (fields == null || fields.isEmpty()) return false;
        ProtoProbe.Field first = fields.get(0);
        if (first.number() == 1 && first.varint() != 1) return false;
        ProtoProbe.Field metaGraph = fields.stream().filter(f -> f.number() == 2).findFirst().orElse(null);
        if (metaGraph == null) return false;
        int tag = head.at(metaGraph.valueOffset());
        return tag == -1 || ((tag & 7) == ProtoReader.LEN && (tag >>> 3) >= 1 && (tag >>> 3) <= 7);
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        try (InputStream in = input.open()) {
            new Walk(new ProtoReader(in, input.size(), MAX_MESSAGE_DEPTH), context).savedModel();
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        }
    }

    private static final class Walk {
        private final ProtoReader proto;
        private final ScanContext context;
        private final Map<String, Integer> issuesPerOp = new HashMap<>();

        Walk(ProtoReader proto, ScanContext context) {
            this.proto = proto;
            this.context = context;
        }

        void savedModel() throws IOException, MalformedModelException {
            while (proto.next()) {
                if (proto.field() == 2) proto.message(this::metaGraph);
                else proto.skip();
            }
        }

        private void metaGraph() throws IOException, MalformedModelException {
            while (proto.next()) {
                if (proto.field() == 2) proto.message(this::graph);
                else proto.skip();
            }
        }

        private void graph() throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> proto.message(() -> node(""));
                    case 2 -> proto.message(this::library);
                    default -> proto.skip();
                }
            }
        }

        private void library() throws IOException, MalformedModelException {
            while (proto.next()) {
                if (proto.field() == 1) proto.message(this::function);
                else proto.skip();
            }
        }

        private void function() throws IOException, MalformedModelException {
            String[] name = {""};
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> proto.message(() -> name[0] = opDefName());
                    case 3 -> proto.message(() -> node(name[0]));
                    default -> proto.skip();
                }
            }
        }

        private String opDefName() throws IOException, MalformedModelException {
            String name = "";
            while (proto.next()) {
                if (proto.field() == 1) name = proto.string(MAX_TEXT);
                else proto.skip();
            }
            return name;
        }

        private void node(String function) throws IOException, MalformedModelException {
            long at = proto.position();
            String name = "";
            String op = "";
            Map<String, List<String>> strings = new LinkedHashMap<>();
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> name = proto.string(MAX_TEXT);
                    case 2 -> op = proto.string(MAX_TEXT);
                    case 5 -> {
                        if (TensorFlowOpRules.INSPECTS_ATTRIBUTES.contains(op)) proto.message(() -> attribute(strings));
                        else proto.skip();
                    }
                    default -> proto.skip();
                }
            }
            String node = name;
            String opName = op;
            TensorFlowOpRules.classify(op, name, function, strings).ifPresent(risk -> {
                int seen = issuesPerOp.merge(opName, 1, Integer::sum);
                if (seen > MAX_ISSUES_PER_OP) return;
                String where = function.isEmpty() ? "the graph" : "function '" + Issues.excerpt(function, 80) + "'";
                context.report(new ModelIssue(risk.kind(), risk.severity(), "", at, opName,
                        "Op " + opName + " (node '" + Issues.excerpt(node, 80) + "' in " + where + ") " + risk.why()
                                + "; it runs whenever the model is served."));
            });
        }

        /** One {@code map<string, AttrValue>} entry: keeps string values ({@code s}, {@code list.s}). */
        private void attribute(Map<String, List<String>> strings) throws IOException, MalformedModelException {
            String[] key = {""};
            List<String> values = new ArrayList<>();
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> key[0] = proto.string(MAX_TEXT);
                    case 2 -> proto.message(() -> attrValue(values));
                    default -> proto.skip();
                }
            }
            strings.put(key[0], values);
        }

        private void attrValue(List<String> values) throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 2 -> add(values, proto.string(MAX_TEXT));
                    case 1 -> proto.message(() -> {
                        while (proto.next()) {
                            if (proto.field() == 2) add(values, proto.string(MAX_TEXT));
                            else proto.skip();
                        }
                    });
                    default -> proto.skip();
                }
            }
        }

        private static void add(List<String> values, String value) {
            if (values.size() < MAX_ATTRIBUTE_VALUES) values.add(value);
        }
    }
}
