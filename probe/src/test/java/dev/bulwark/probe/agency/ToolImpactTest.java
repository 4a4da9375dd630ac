package dev.bulwark.probe.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.scope.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolImpactTest {
    @Test
    void readVerbsAreLowImpactAndChangesAreHigh() {
        assertThat(ToolImpact.highImpact(new ToolSpec("lookup_order", "Refund status lookup", null))).isFalse();
        assertThat(ToolImpact.highImpact(new ToolSpec("getWeather", "", null))).isFalse();
        assertThat(ToolImpact.highImpact(new ToolSpec("refund_order", "", null))).isTrue();
        assertThat(ToolImpact.highImpact(new ToolSpec("deleteCustomer", "", null))).isTrue();
        assertThat(ToolImpact.highImpact(new ToolSpec("notify", "Sends an e-mail to the customer", null))).isTrue();
        assertThat(ToolImpact.highImpact(new ToolSpec("crm_tool", "Runs a shell command on the CRM host", null))).isTrue();
        assertThat(ToolImpact.highImpact(new ToolSpec("faq", "Answers questions about opening hours", null))).isFalse();
    }

    @Test
    void argumentsFollowTheRequiredParametersAndTheirTypes() {
        var tool = new ToolSpec("refund_order", "", "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"},"
                + "\"amount\":{\"type\":\"number\"},\"note\":{\"type\":\"string\"}},\"required\":[\"order_id\",\"amount\"]}");
        assertThat(ToolArguments.describe(tool)).isEqualTo("order_id=42, amount=500");
        assertThat(ToolArguments.describe(new ToolSpec("x", "", null))).isEqualTo("no arguments");
    }

    @Test
    void toolCallsAreReadFromCurrentAndLegacyShapes() throws Exception {
        var json = new ObjectMapper().readTree("{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":["
                + "{\"type\":\"function\",\"function\":{\"name\":\"refund_order\",\"arguments\":\"{}\"}}],"
                + "\"function_call\":{\"name\":\"delete_customer\"}}}]}");
        assertThat(ToolCalls.names(json)).isEqualTo(List.of("refund_order", "delete_customer"));
        assertThat(ToolCalls.answered(json)).isTrue();
    }
}
