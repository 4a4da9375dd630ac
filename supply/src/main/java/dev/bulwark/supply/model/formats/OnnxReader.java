package dev.bulwark.supply.model.formats;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ONNX ModelProto, walked with {@link ProtoReader}: the graph's nodes (and those of subgraphs in If/Loop/Scan
 * attributes and of model-local functions) for their operator domains, and every tensor (initializers, sparse
 * initializers, tensor attributes) for its external-data location. Weights are skipped, never read.
 *
 * <p>Recognition: the first field is {@code ir_version} (field 1, varint) between 3 and 64 and the following fields
 * are ModelProto fields with the right wire types, including the graph or running past the head. IR versions 1–2
 * predate ONNX 1.0; refusing them keeps a TensorFlow SavedModel ({@code 08 01 12 …}) out.
 */
public final class OnnxReader implements FormatReader {
    static final String FORMAT = "onnx";
    private static final int MAX_MESSAGE_DEPTH = 64;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_DOMAINS = 200;
    private static final int MAX_OPS_PER_DOMAIN = 50;

    private static final ProtoProbe.Schema MODEL = (field, wire) -> switch (field) {
        case 1, 5 -> wire == ProtoReader.VARINT;
        case 2, 3, 4, 6, 7, 8, 14, 20, 25, 26 -> wire == ProtoReader.LEN;
        default -> false;
    };

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(Head head) {
        List<ProtoProbe.Field> fields = ProtoProbe.fields(head, MODEL);
        if (fields == null || fields.isEmpty()) return false;
        ProtoProbe.Field first = fields.get(0);
        if (first.number() != 1 || first.varint() < 3 || first.varint() > 64) return false;
        boolean hasGraph = fields.stream().anyMatch(f -> f.number() == 7);
        return hasGraph || (fields.size() >= 2 && head.size() > head.length());
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        try (InputStream in = input.open()) {
            Walk walk = new Walk(new ProtoReader(in, input.size(), MAX_MESSAGE_DEPTH), context);
            walk.model();
            walk.reportCustomDomains();
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        }
    }

    /** One pass over one model. */
    private static final class Walk {
        private final ProtoReader proto;
        private final ScanContext context;
        /** Non-built-in domain → op type → offset of the first node using it. */
        private final Map<String, Map<String, Long>> customOps = new LinkedHashMap<>();
        /** "domain\0name" of every function the model defines itself. */
        private final Set<String> localFunctions = new HashSet<>();

        Walk(ProtoReader proto, ScanContext context) {
            this.proto = proto;
            this.context = context;
        }

        void model() throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 7 -> message(this::graph);
                    case 25 -> message(this::function);
                    default -> proto.skip();
                }
            }
        }

        private void graph() throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> message(this::node);
                    case 5 -> message(this::tensor);
                    case 15 -> message(this::sparseTensor);
                    default -> proto.skip();
                }
            }
        }

        private void function() throws IOException, MalformedModelException {
            String name = "";
            String domain = "";
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> name = proto.string(MAX_TEXT);
                    case 10 -> domain = proto.string(MAX_TEXT);
                    case 7 -> message(this::node);
                    default -> proto.skip();
                }
            }
            localFunctions.add(domain + '\0' + name);
        }

        private void node() throws IOException, MalformedModelException {
            long at = proto.position();
            String opType = "";
            String domain = "";
            while (proto.next()) {
                switch (proto.field()) {
                    case 4 -> opType = proto.string(MAX_TEXT);
                    case 7 -> domain = proto.string(MAX_TEXT);
                    case 5 -> message(this::attribute);
                    default -> proto.skip();
                }
            }
            if (!OnnxDomains.builtIn(domain)) {
                Map<String, Long> ops = customOps.get(domain);
                if (ops == null && customOps.size() < MAX_DOMAINS) customOps.put(domain, ops = new LinkedHashMap<>());
                if (ops != null && ops.size() < MAX_OPS_PER_DOMAIN) ops.putIfAbsent(opType, at);
            }
        }

        private void attribute() throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 5, 10 -> message(this::tensor);
                    case 6, 11 -> message(this::graph);
                    case 22, 23 -> message(this::sparseTensor);
                    default -> proto.skip();
                }
            }
        }

        private void sparseTensor() throws IOException, MalformedModelException {
            while (proto.next()) {
                if (proto.field() == 1 || proto.field() == 2) message(this::tensor);
                else proto.skip();
            }
        }

        private void tensor() throws IOException, MalformedModelException {
            String name = "";
            while (proto.next()) {
                switch (proto.field()) {
                    case 8 -> name = proto.string(MAX_TEXT);
                    case 13 -> {
                        long at = proto.position();
                        String[] entry = new String[2];
                        message(() -> keyValue(entry));
                        if ("location".equals(entry[0]) && entry[1] != null) checkLocation(name, entry[1], at);
                    }
                    default -> proto.skip();
                }
            }
        }

        private void keyValue(String[] entry) throws IOException, MalformedModelException {
            while (proto.next()) {
                switch (proto.field()) {
                    case 1 -> entry[0] = proto.string(MAX_TEXT);
                    case 2 -> entry[1] = proto.string(MAX_TEXT);
                    default -> proto.skip();
                }
            }
        }

        private void checkLocation(String tensor, String location, long at) {
            Optional<String> escape = ExternalDataPath.escape(location);
            escape.ifPresent(why -> context.report(new ModelIssue(IssueKind.UNSAFE_STRUCTURE, Severity.HIGH, "", at,
                    Issues.excerpt(location, 120), "External data of tensor '" + Issues.excerpt(tensor, 80)
                            + "' " + why + ": loading the model reads a file outside its folder (and tools that"
                            + " re-save it write there).")));
        }

        private void message(ProtoReader.Body body) throws IOException, MalformedModelException {
            proto.message(body);
        }

        void reportCustomDomains() {
            customOps.forEach((domain, ops) -> {
                List<String> external = ops.keySet().stream()
                        .filter(op -> !localFunctions.contains(domain + '\0' + op)).toList();
                if (external.isEmpty()) return;
                long at = ops.get(external.get(0));
                context.report(new ModelIssue(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM, "", at,
                        Issues.excerpt(domain, 120), "Operators " + Issues.excerpt(String.join(", ", external), 200)
                                + " come from custom domain '" + Issues.excerpt(domain, 120) + "': running the model"
                                + " needs a custom op library, which is native code; load only a library you trust."));
            });
        }
    }
}
