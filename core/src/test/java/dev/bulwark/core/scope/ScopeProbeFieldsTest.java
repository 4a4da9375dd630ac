package dev.bulwark.core.scope;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope fields the probe families read: chat target tools, maxTokens and prices; rules.outOfBandCollector. */
class ScopeProbeFieldsTest {
    private static final String HEAD = """
            engagement: {name: x}
            rules:
              allowedHosts: [127.0.0.1]
              outOfBandCollector: true
            targets:
              - id: bot
                kind: llm-chat
                url: http://127.0.0.1:8080/v1/chat/completions
                model: m
            """;

    private static Scope parse(String yaml) throws ScopeException {
        return ScopeLoader.parse(yaml, Path.of("bulwark.yaml"), Map.of());
    }

    private static ScopeException problem(String yaml) {
        try {
            parse(yaml);
        } catch (ScopeException e) {
            return e;
        }
        throw new AssertionError("expected a problem for:\n" + yaml);
    }

    @Test
    void readsToolsMaxTokensPricesAndTheCollectorSwitch() throws Exception {
        Scope scope = parse(HEAD + """
                    maxTokens: 512
                    prices: {inputPerMillionTokens: 2.5, outputPerMillionTokens: 10, currency: EUR}
                    tools:
                      - type: function
                        function:
                          name: refund_order
                          description: Refund an order in full
                          parameters:
                            type: object
                            properties: {order_id: {type: string}}
                            required: [order_id]
                      - type: function
                        function: {name: lookup_order}
                """);
        assertThat(scope.rules().outOfBandCollector()).isTrue();
        LlmChatTarget bot = (LlmChatTarget) scope.targets().get(0);
        assertThat(bot.maxTokens()).isEqualTo(OptionalInt.of(512));
        assertThat(bot.prices()).contains(new Prices(2.5, 10, "EUR"));
        assertThat(bot.tools()).extracting(ToolSpec::name).containsExactly("refund_order", "lookup_order");
        assertThat(bot.tools().get(0).description()).isEqualTo("Refund an order in full");
        assertThat(bot.tools().get(0).parametersJson()).contains("\"order_id\"").contains("\"required\"");
        assertThat(bot.tools().get(1).parametersJson()).isEqualTo(ToolSpec.NO_PARAMETERS);
        PromptTarget asPromptTarget = bot;
        assertThat(asPromptTarget.prices()).isPresent();
    }

    @Test
    void defaultsAreNoToolsNoLimitNoPricesAndNoCollector() throws Exception {
        Scope scope = parse(HEAD.replace("  outOfBandCollector: true\n", ""));
        assertThat(scope.rules().outOfBandCollector()).isFalse();
        LlmChatTarget bot = (LlmChatTarget) scope.targets().get(0);
        assertThat(bot.tools()).isEmpty();
        assertThat(bot.maxTokens()).isEmpty();
        assertThat(bot.prices()).isEmpty();
        assertThat(bot).isEqualTo(new LlmChatTarget("bot", bot.url(), "m", Optional.empty(), List.of(), List.of()));
    }

    @Test
    void rejectsBadToolsAndPricesWithTheirField() {
        assertThat(problem(HEAD + "    tools: [{type: function, function: {name: \"rm -rf\"}}]\n").field())
                .startsWith("targets[0].tools[0].function.name");
        assertThat(problem(HEAD + "    tools: [{type: plugin, function: {name: a}}]\n").field())
                .startsWith("targets[0].tools[0].type");
        assertThat(problem(HEAD + """
                    tools:
                      - {type: function, function: {name: a}}
                      - {type: function, function: {name: a}}
                """).problem()).contains("duplicate tool name 'a'");
        assertThat(problem(HEAD + "    prices: {inputPerMillionTokens: -1, outputPerMillionTokens: 1}\n").field())
                .startsWith("targets[0].prices.inputPerMillionTokens");
        assertThat(problem(HEAD + "    maxTokens: 0\n").field()).startsWith("targets[0].maxTokens");
    }

    @Test
    void httpTargetsTakeNoTools() {
        String yaml = """
                engagement: {name: x}
                rules: {allowedHosts: [127.0.0.1]}
                targets:
                  - {id: f, kind: http, url: "http://127.0.0.1/x", tools: []}
                """;
        assertThat(problem(yaml).field()).startsWith("targets[0]");
    }

    @Test
    void priceOfARequestIsPerMillionTokens() {
        Prices prices = new Prices(2.5, 10, "USD");
        assertThat(prices.cost(1_000_000, 0)).isEqualTo(2.5);
        assertThat(prices.cost(2_000, 1_000)).isEqualTo(0.015);
        assertThatThrownBy(() -> new Prices(-1, 0, "USD")).isInstanceOf(IllegalArgumentException.class);
    }
}
