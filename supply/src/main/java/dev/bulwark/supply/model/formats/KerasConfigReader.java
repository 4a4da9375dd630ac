package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Keras model config as JSON: {@code config.json} inside a {@code .keras} archive, or a {@code model.to_json()}
 * file. Recognised by content: a JSON object whose first bytes name {@code class_name} together with
 * {@code config}, {@code module} or {@code registered_name} — the shape every serialized Keras object has.
 */
public final class KerasConfigReader implements FormatReader {
    static final String FORMAT = "keras-config";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(Head head) {
        int i = head.startsWith(0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < head.length() && Character.isWhitespace(head.at(i))) i++;
        if (head.at(i) != '{') return false;
        String text = new String(head.bytes(), StandardCharsets.ISO_8859_1);
        return text.contains("\"class_name\"")
                && (text.contains("\"config\"") || text.contains("\"module\"") || text.contains("\"registered_name\""));
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        long limit = context.limits().maxHeaderBytes();
        if (input.size() > limit) {
            context.report(Issues.notVerified(FORMAT, 0, "config of " + input.size() + " bytes is over the "
                    + limit + "-byte limit"));
            return;
        }
        try (InputStream in = input.open()) {
            new KerasConfigWalker(context::report, 0, "the model config").walk(in, limit);
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        }
    }
}
