package dev.bulwark.supply.model.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * safetensors: an 8-byte little-endian header length, a JSON header, then raw tensor bytes. The format cannot run
 * code, so a well-formed file yields nothing; what we check is that the header is exactly what the reference loader
 * accepts (known dtypes, sizes that match shapes, tensors tiling the data area with no overlap, gap or tail) —
 * anything else is a file other tools may read differently, reported as not verified.
 */
public final class SafetensorsReader implements FormatReader {
    static final String FORMAT = "safetensors";
    /** Header nesting: root object, tensor object, shape array; anything deeper is not safetensors. */
    private static final int MAX_DEPTH = 8;
    /** Far above any real shard (a few thousand tensors), low enough to keep the offset table small. */
    static final int MAX_TENSORS = 200_000;

    @Override
    public String format() {
        return FORMAT;
    }

    /** A header length that fits in 48 bits followed by the JSON object's opening brace. */
    @Override
    public boolean recognizes(Head head) {
        long n = head.u64le(0);
        return n >= 2 && n < (1L << 48) && head.at(8) == '{';
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        try {
            check(input, head, context);
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        }
    }

    private void check(ModelInput input, Head head, ScanContext context) throws IOException, MalformedModelException {
        long headerLength = head.u64le(0);
        long size = input.size() >= 0 ? input.size() : head.size();
        long maxHeader = context.limits().maxHeaderBytes();
        // Both refusals happen before a single header byte is read: a terabyte claim costs nothing.
        if (headerLength < 2 || headerLength > maxHeader) {
            throw new MalformedModelException("header length " + Long.toUnsignedString(headerLength)
                    + " is outside 2.." + maxHeader + " bytes", 0);
        }
        if (size >= 0 && headerLength > size - 8) {
            throw new MalformedModelException("header length " + headerLength + " runs past the end of the "
                    + size + "-byte file", 0);
        }
        try (InputStream in = input.open()) {
            BinaryInput binary = new BinaryInput(in);
            binary.skip(8);
            TensorTable table = parseHeader(in, headerLength);
            long dataLength = size >= 0 ? size - 8 - headerLength : binary.skipToEnd();
            table.checkTiling(dataLength);
        }
    }

    private static TensorTable parseHeader(InputStream in, long headerLength) throws IOException, MalformedModelException {
        LimitedInputStream header = new LimitedInputStream(in, headerLength);
        TensorTable table = new TensorTable();
        try (JsonParser parser = BoundedJson.parser(header, headerLength, MAX_DEPTH)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw malformed(parser, "the header is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("__metadata__")) readMetadata(parser);
                else readTensor(parser, name, table);
            }
            if (parser.nextToken() != null) throw malformed(parser, "data after the header object");
        } catch (StreamConstraintsException e) {
            throw new MalformedModelException("header over a parser limit (" + e.getOriginalMessage() + ")", 8);
        } catch (java.io.CharConversionException e) {
            throw new MalformedModelException("header is not valid UTF-8", 8);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw new MalformedModelException("header is not valid JSON (" + e.getOriginalMessage() + ")", 8 + at);
        }
        // The parser saw the end of the header (only whitespace padding followed the object), so the stream now
        // stands at the first data byte.
        return table;
    }

    private static void readMetadata(JsonParser parser) throws IOException, MalformedModelException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw malformed(parser, "__metadata__ is not an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw malformed(parser, "__metadata__ value of '" + Issues.excerpt(parser.currentName(), 80)
                        + "' is not a string");
            }
        }
    }

    private static void readTensor(JsonParser parser, String name, TensorTable table)
            throws IOException, MalformedModelException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw malformed(parser, "tensor '" + shown(name) + "' is not an object");
        long start = 8 + parser.currentTokenLocation().getByteOffset();
        String dtypeName = null;
        long elements = -1;
        long begin = -1;
        long end = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) throw malformed(parser, "dtype of '" + shown(name) + "' is not a string");
                    dtypeName = parser.getText();
                }
                case "shape" -> elements = readShape(parser, name);
                case "data_offsets" -> {
                    long[] pair = readPair(parser, name);
                    begin = pair[0];
                    end = pair[1];
                }
                default -> parser.skipChildren();
            }
        }
        if (dtypeName == null || elements < 0 || begin < 0) {
            throw new MalformedModelException("tensor '" + shown(name) + "' lacks dtype, shape or data_offsets", start);
        }
        SafetensorsDtype dtype = SafetensorsDtype.byName(dtypeName);
        if (dtype == null) {
            throw new MalformedModelException("tensor '" + shown(name) + "' has unknown dtype '" + shown(dtypeName) + "'", start);
        }
        if (end < begin) throw new MalformedModelException("tensor '" + shown(name) + "' ends before it begins", start);
        try {
            long bits = Math.multiplyExact(elements, dtype.bits());
            if (bits % 8 != 0 || bits / 8 != end - begin) {
                throw new MalformedModelException("tensor '" + shown(name) + "' spans " + (end - begin) + " bytes but its "
                        + dtypeName + " shape needs " + (bits / 8.0), start);
            }
        } catch (ArithmeticException e) {
            throw new MalformedModelException("tensor '" + shown(name) + "' has a shape too large to exist", start);
        }
        table.add(name, begin, end, start);
    }

    private static long readShape(JsonParser parser, String name) throws IOException, MalformedModelException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw malformed(parser, "shape of '" + shown(name) + "' is not an array");
        long product = 1;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long dim = nonNegativeInteger(parser, "shape of '" + shown(name) + "'");
            try {
                product = Math.multiplyExact(product, dim);
            } catch (ArithmeticException e) {
                throw malformed(parser, "shape of '" + shown(name) + "' overflows");
            }
        }
        return product;
    }

    private static long[] readPair(JsonParser parser, String name) throws IOException, MalformedModelException {
        String what = "data_offsets of '" + shown(name) + "'";
        if (parser.currentToken() != JsonToken.START_ARRAY) throw malformed(parser, what + " is not an array");
        long[] pair = new long[2];
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long v = nonNegativeInteger(parser, what);
            if (count < 2) pair[count] = v;
            count++;
        }
        if (count != 2) throw malformed(parser, what + " does not hold exactly two offsets");
        return pair;
    }

    private static long nonNegativeInteger(JsonParser parser, String what) throws IOException, MalformedModelException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw malformed(parser, what + " holds something other than a 64-bit integer");
        }
        long v = parser.getLongValue();
        if (v < 0) throw malformed(parser, what + " holds a negative number");
        return v;
    }

    private static MalformedModelException malformed(JsonParser parser, String why) {
        return new MalformedModelException(why, 8 + Math.max(0, parser.currentTokenLocation().getByteOffset()));
    }

    private static String shown(String text) {
        return Issues.excerpt(text, 80);
    }
}
