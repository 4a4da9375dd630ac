package dev.bulwark.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Level;
import dev.bulwark.correlate.Risk;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jackson module that writes our enums as the lowercase labels of the file formats ({@code high},
 * {@code accept-and-monitor}) and reads them back, naming the allowed labels when a file holds another.
 */
public final class Labels {
    private Labels() {
    }

    public static SimpleModule module() {
        var module = new SimpleModule("bulwark-labels");
        register(module, Severity.class, Severity::label);
        register(module, Confidence.class, Confidence::label);
        register(module, Level.class, Level::label);
        register(module, Risk.class, Risk::label);
        return module;
    }

    private static <E extends Enum<E>> void register(SimpleModule module, Class<E> type, Function<E, String> label) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(label.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                if (text != null) {
                    for (E constant : type.getEnumConstants()) {
                        if (label.apply(constant).equals(text.toLowerCase(Locale.ROOT))) return constant;
                    }
                }
                String allowed = Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", "));
                return ctxt.reportInputMismatch(type, "unknown %s '%s' (expected one of: %s)",
                        type.getSimpleName().toLowerCase(Locale.ROOT), text, allowed);
            }
        });
    }
}
