package dev.bulwark.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The two mappers the kb reads with: strict YAML for our own files, lenient JSON for third-party data. */
final class Yaml {
    static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Yaml() {
    }

    static <T> List<T> readList(String resource, Class<T> type) {
        try (InputStream in = BundledResource.open(resource)) {
            var listType = STRICT_YAML.getTypeFactory().constructCollectionType(List.class, type);
            List<T> items = STRICT_YAML.readValue(in, listType);
            return items == null ? List.of() : List.copyOf(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource + ": " + e.getMessage(), e);
        }
    }
}
