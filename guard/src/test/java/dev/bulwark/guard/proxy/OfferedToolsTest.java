package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OfferedToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void readsOpenAiToolsFlatToolsAndLegacyFunctionsOnceEach() throws Exception {
        assertThat(OfferedTools.names(body("""
                {"tools": [{"type": "function", "function": {"name": "lookup_order"}},
                           {"name": "refund_order"},
                           {"type": "function", "function": {"name": "lookup_order"}}],
                 "functions": [{"name": "send_email"}]}
                """))).containsExactly("lookup_order", "refund_order", "send_email");
    }

    @Test
    void aToolWithoutAUsableNameCountsAsTheEmptyName() throws Exception {
        assertThat(OfferedTools.names(body("""
                {"tools": [{"type": "function", "function": {"name": 42}}, "refund", {}]}
                """))).containsExactly("");
    }

    @Test
    void aRequestWithoutToolsOffersNone() throws Exception {
        assertThat(OfferedTools.names(body("{\"tools\": null, \"functions\": {}}"))).isEmpty();
        assertThat(OfferedTools.names(body("{\"messages\": []}"))).isEmpty();
    }
}
