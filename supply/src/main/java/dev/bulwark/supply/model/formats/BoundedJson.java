package dev.bulwark.supply.model.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;

/** Jackson streaming parsers held to a document size and nesting depth, for JSON found inside model files. */
final class BoundedJson {
    private BoundedJson() {
    }

    /**
     * A parser over at most {@code maxBytes} of {@code in}. Duplicate keys are errors: two parsers that keep a
     * different copy of a key could disagree about what the file says.
     */
    static JsonParser parser(InputStream in, long maxBytes, int maxDepth) throws IOException {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxDocumentLength(maxBytes)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                .maxNameLength((int) Math.min(Integer.MAX_VALUE, Math.min(maxBytes, 1 << 20)))
                .maxNumberLength(64)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonParser parser = factory.createParser(new LimitedInputStream(in, maxBytes));
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return parser;
    }
}
