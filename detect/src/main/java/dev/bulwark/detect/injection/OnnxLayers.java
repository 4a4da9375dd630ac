package dev.bulwark.detect.injection;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts an ONNX transformer encoder after its first layers: the graph's output becomes an inner layer's hidden state,
 * and the nodes and weights that do not feed it are dropped, so ONNX Runtime never computes them. The file is read
 * as plain protobuf fields (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5, output = 12; NodeProto.input
 * = 1, output = 2; TensorProto.name = 8; ValueInfoProto.name = 1): no generated ONNX classes are needed, and the
 * output keeps the type of the original output (an inner layer's hidden state has the same shape and element type).
 */
final class OnnxLayers {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_INFO_NAME = 1;

    private OnnxLayers() {
    }

    /**
     * The model with {@code tensor} as its only output, in place of the original first output.
     *
     * @throws IllegalArgumentException if the model is not a readable ONNX file or no node produces {@code tensor}
     */
    static byte[] truncate(byte[] model, String tensor) {
        try {
            UnknownFieldSet root = UnknownFieldSet.parseFrom(model);
            UnknownFieldSet graph = UnknownFieldSet.parseFrom(only(root, MODEL_GRAPH, "graph"));
            List<UnknownFieldSet> nodes = new ArrayList<>();
            for (ByteString node : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
                nodes.add(UnknownFieldSet.parseFrom(node));
            }
            Set<String> needed = new HashSet<>();
            boolean[] keep = ancestors(nodes, tensor, needed);
            var kept = UnknownFieldSet.Field.newBuilder();
            for (int i = 0; i < nodes.size(); i++) if (keep[i]) kept.addLengthDelimited(nodes.get(i).toByteString());
            var weights = UnknownFieldSet.Field.newBuilder();
            for (ByteString initializer : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
                if (needed.contains(text(UnknownFieldSet.parseFrom(initializer), TENSOR_NAME))) {
                    weights.addLengthDelimited(initializer);
                }
            }
            UnknownFieldSet original = UnknownFieldSet.parseFrom(only(graph, GRAPH_OUTPUT, "output"));
            UnknownFieldSet output = UnknownFieldSet.newBuilder(original)
                    .addField(VALUE_INFO_NAME, bytes(ByteString.copyFromUtf8(tensor))).build();
            UnknownFieldSet cut = UnknownFieldSet.newBuilder(graph)
                    .addField(GRAPH_NODE, kept.build())
                    .addField(GRAPH_INITIALIZER, weights.build())
                    .addField(GRAPH_OUTPUT, bytes(output.toByteString()))
                    .build();
            return UnknownFieldSet.newBuilder(root).addField(MODEL_GRAPH, bytes(cut.toByteString())).build()
                    .toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** Marks the nodes {@code tensor} depends on; collects every tensor name they read into {@code needed}. */
    private static boolean[] ancestors(List<UnknownFieldSet> nodes, String tensor, Set<String> needed) {
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (ByteString out : nodes.get(i).getField(NODE_OUTPUT).getLengthDelimitedList()) {
                producer.put(out.toStringUtf8(), i);
            }
        }
        if (!producer.containsKey(tensor)) throw new IllegalArgumentException("no node produces " + tensor);
        boolean[] keep = new boolean[nodes.size()];
        var todo = new ArrayDeque<String>(List.of(tensor));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!needed.add(name)) continue;
            Integer node = producer.get(name);
            if (node == null || keep[node]) continue;
            keep[node] = true;
            for (ByteString in : nodes.get(node).getField(NODE_INPUT).getLengthDelimitedList()) {
                todo.push(in.toStringUtf8());
            }
        }
        return keep;
    }

    private static ByteString only(UnknownFieldSet message, int field, String what) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        if (values.isEmpty()) throw new IllegalArgumentException("ONNX model has no " + what);
        return values.get(0);
    }

    private static String text(UnknownFieldSet message, int field) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    private static UnknownFieldSet.Field bytes(ByteString value) {
        return UnknownFieldSet.Field.newBuilder().addLengthDelimited(value).build();
    }
}
