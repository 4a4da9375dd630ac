package dev.bulwark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Validates JSON against a JSON Schema (formats asserted too), returning readable messages. */
final class SchemaCheck {
    private final JsonSchema schema;

    private SchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    static SchemaCheck load(InputStream in, SpecVersion.VersionFlag version) throws IOException {
        try (in) {
            var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return new SchemaCheck(JsonSchemaFactory.getInstance(version).getSchema(in, config));
        }
    }

    List<String> errors(JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
