package dev.bulwark.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The subset of the SARIF 2.1.0 object model Bulwark writes (OASIS standard; names as in the spec). Absent values
 * are left out rather than written as null, which the schema forbids.
 */
public final class Sarif {
    public static final String VERSION = "2.1.0";
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private Sarif() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"$schema", "version", "runs"})
    public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"tool", "invocations", "results", "properties"})
    public record Run(Tool tool, List<Invocation> invocations, List<Result> results, Map<String, Object> properties) {
    }

    public record Tool(ToolComponent driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "version", "semanticVersion", "informationUri", "rules"})
    public record ToolComponent(String name, String version, String semanticVersion, String informationUri,
                                List<Rule> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "help", "helpUri", "properties"})
    public record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help, String helpUri,
                       Map<String, Object> properties) {
    }

    /** A message or a multiformatMessageString: plain text, optionally Markdown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(String text, String markdown) {
        public static Text of(String text) {
            return new Text(text, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"executionSuccessful", "startTimeUtc", "endTimeUtc", "toolExecutionNotifications"})
    public record Invocation(boolean executionSuccessful, String startTimeUtc, String endTimeUtc,
                             List<Notification> toolExecutionNotifications) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"level", "message", "descriptor", "properties"})
    public record Notification(String level, Text message, DescriptorReference descriptor,
                               Map<String, Object> properties) {
    }

    public record DescriptorReference(String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    public record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
                         Map<String, String> partialFingerprints, Map<String, Object> properties) {
    }

    public record Location(PhysicalLocation physicalLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    public record ArtifactLocation(String uri) {
    }

    public record Region(int startLine) {
    }
}
