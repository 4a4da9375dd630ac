package dev.bulwark.cli.demo;

import dev.bulwark.core.Classification;
import dev.bulwark.core.scope.Asset;
import dev.bulwark.core.scope.Auth;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeLoader;
import dev.bulwark.core.scope.ThreatActor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated scope passes the real scope loader (schema + cross-references) and says what the demo needs. */
class DemoScopeTest {
    private static final URI BASE = URI.create("http://127.0.0.1:43121");

    @Test
    void loadsWithTheScopeLoader() throws Exception {
        Scope scope = ScopeLoader.parse(DemoScope.yaml(BASE), Path.of("demo-bulwark.yaml"), Map.of());

        assertThat(scope.engagement().name()).isEqualTo("Brightside Cycles — demo assessment");
        assertThat(scope.rules().allowedHosts()).containsExactly("127.0.0.1");
        assertThat(scope.rules().maxRequestsPerSecond()).isEqualTo(50);
        assertThat(scope.rules().maxRequests()).isEqualTo(3000);
        assertThat(scope.asset("customer-data")).map(Asset::classification).hasValue(Classification.RESTRICTED);
        assertThat(scope.asset("molly-assistant")).map(Asset::kind).hasValue(Asset.AssetKind.MODEL_API);
        assertThat(scope.asset("support-faq")).map(Asset::classification).hasValue(Classification.PUBLIC);
        assertThat(scope.threatActors()).containsExactly(ThreatActor.CYBERCRIME, ThreatActor.COMPETITOR, ThreatActor.INSIDER);
        assertThat(scope.trustBoundaries()).isNotEmpty();

        LlmChatTarget chat = (LlmChatTarget) scope.target("molly-chat").orElseThrow();
        assertThat(chat.url()).isEqualTo(URI.create("http://127.0.0.1:43121/v1/chat/completions"));
        assertThat(chat.model()).isEqualTo(Molly.MODEL);
        assertThat(chat.systemPromptCanaries()).containsExactly(SystemPrompt.CANARY);
        assertThat(chat.assets()).containsExactly("customer-data", "molly-assistant");
        assertThat(chat.auth()).isEmpty();

        HttpTarget form = (HttpTarget) scope.target("molly-form").orElseThrow();
        assertThat(form.url()).isEqualTo(URI.create("http://127.0.0.1:43121/api/ask"));
        assertThat(form.method()).isEqualTo("POST");
        assertThat(form.request()).isEqualTo("{\"q\": \"{{prompt}}\"}");
        assertThat(form.responsePath()).isEqualTo("$.answer");
        assertThat(form.assets()).containsExactly("customer-data");
    }

    @Test
    void hardenedVariantReadsTheBearerKeyFromTheEnvironment() throws Exception {
        String yaml = DemoScope.yaml(BASE, "MOLLY_KEY");
        assertThat(yaml).doesNotContain("secret-value");
        Scope scope = ScopeLoader.parse(yaml, Path.of("demo-bulwark.yaml"), Map.of("MOLLY_KEY", "secret-value"));
        for (String id : new String[] {"molly-chat", "molly-form"}) {
            PromptTarget target = (PromptTarget) scope.target(id).orElseThrow();
            assertThat(target.auth()).hasValue(new Auth("Authorization", "Bearer secret-value"));
        }
        assertThatThrownBy(() -> DemoScope.yaml(BASE, "not a var}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesATrailingSlashAndRejectsOtherSchemes() {
        assertThat(DemoScope.yaml(URI.create("http://127.0.0.1:43121/"))).contains("\"http://127.0.0.1:43121/api/ask\"");
        // https: the TLS gateway of demo --guarded
        assertThat(DemoScope.yaml(URI.create("https://127.0.0.1:1"))).contains("\"https://127.0.0.1:1/api/ask\"");
        assertThatThrownBy(() -> DemoScope.yaml(URI.create("file:/tmp/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoScope.yaml(URI.create("ftp://127.0.0.1:1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
