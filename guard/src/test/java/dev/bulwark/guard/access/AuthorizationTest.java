package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.RoleConfig;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationTest {
    static final AccessControl ACCESS = Access.from(Configs.of(List.of(), List.of(
            new RoleConfig("embed", List.of("embeddings"), List.of("text-embedding-*", "nomic-embed-text")),
            new RoleConfig("gpt", List.of("chat", "models"), List.of("gpt-4o*", "llama3:*b")),
            new RoleConfig("lister", List.of("models"), List.of()),
            new RoleConfig("support", List.of("chat"), List.of("*"), List.of("lookup_*", "get_order"))), null));

    static Caller caller(String... roles) {
        return new Caller("c", Set.of(roles), "198.51.100.1", "key", Limits.NONE);
    }

    /** roles (space separated) | model | whether /v1/models shows it to them */
    @ParameterizedTest(name = "{0} sees {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            chat         | anything-at-all        | true
            gpt          | gpt-4o-mini            | true
            gpt          | o1                     | false
            gpt          | text-embedding-3-small | false
            gpt embed    | text-embedding-3-small | true
            embed        | nomic-embed-text       | true
            lister       | gpt-4o                 | false
            unknown-role | gpt-4o                 | false
            """)
    void the_model_list_shows_the_models_a_role_names(String roles, String model, boolean shown) {
        assertThat(ACCESS.mayUseModel(caller(roles.split(" ")), model)).isEqualTo(shown);
    }

    /** roles (space separated) | route | model ('-' for none) | expected: ok, route or model */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            chat         | CHAT        | anything-at-all       | ok
            chat         | COMPLETIONS | gpt-3.5-turbo         | ok
            chat         | MODELS      | -                     | ok
            chat         | EMBEDDINGS  | text-embedding-3-small| route
            embed        | EMBEDDINGS  | text-embedding-3-small| ok
            embed        | EMBEDDINGS  | nomic-embed-text      | ok
            embed        | EMBEDDINGS  | nomic-embed-text-v2   | model
            embed        | EMBEDDINGS  | gpt-4o                | model
            embed        | CHAT        | gpt-4o                | route
            gpt          | CHAT        | gpt-4o                | ok
            gpt          | CHAT        | gpt-4o-mini           | ok
            gpt          | CHAT        | llama3:8b             | ok
            gpt          | CHAT        | llama3:8b-instruct    | model
            gpt          | CHAT        | GPT-4O                | model
            gpt          | CHAT        | o1                    | model
            gpt          | COMPLETIONS | gpt-4o                | route
            gpt          | MODELS      | -                     | ok
            gpt embed    | EMBEDDINGS  | text-embedding-ada-002| ok
            gpt embed    | CHAT        | text-embedding-ada-002| model
            lister       | MODELS      | -                     | ok
            lister       | CHAT        | gpt-4o                | route
            unknown-role | CHAT        | gpt-4o                | route
            ''           | CHAT        | gpt-4o                | route
            """)
    void roles_grant_routes_and_models(String roles, Route route, String model, String expected) {
        Caller caller = caller(roles.isBlank() ? new String[0] : roles.split(" "));
        Optional<Refusal> refusal = ACCESS.authorize(caller, route, model.equals("-") ? null : model);

        switch (expected) {
            case "ok" -> assertThat(refusal).isEmpty();
            case "route" -> assertForbidden(refusal, "route_not_allowed");
            case "model" -> assertForbidden(refusal, "model_not_allowed");
            default -> throw new IllegalArgumentException(expected);
        }
    }

    /** roles | tools offered (space separated, '-' for none) | expected: ok or tool */
    @ParameterizedTest(name = "{0} offering {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            support      | -                         | ok
            support      | lookup_order              | ok
            support      | lookup_order get_order    | ok
            support      | refund_order              | tool
            support      | lookup_order refund_order | tool
            support      | get_orders                | tool
            support chat | refund_order              | ok
            chat         | refund_order delete_all   | ok
            """)
    void roles_grant_the_tools_a_request_may_offer(String roles, String tools, String expected) {
        List<String> offered = tools.equals("-") ? List.of() : List.of(tools.split(" "));
        Optional<Refusal> refusal = ACCESS.authorize(caller(roles.split(" ")), Route.CHAT, "gpt-4o", offered);
        if (expected.equals("ok")) assertThat(refusal).isEmpty();
        else assertForbidden(refusal, "tool_not_allowed");
    }

    @Test
    void a_tool_refusal_never_echoes_the_tool() {
        String tool = "<img src=x onerror=alert(1)>";
        Refusal refusal = ACCESS.authorize(caller("support"), Route.CHAT, "gpt-4o", List.of(tool)).orElseThrow();
        assertThat(refusal.message()).doesNotContain(tool);
    }

    @Test
    void the_refusal_never_echoes_the_model() {
        String model = "<script>alert(1)</script>";
        Refusal refusal = ACCESS.authorize(caller("gpt"), Route.CHAT, model).orElseThrow();
        assertThat(refusal.message()).doesNotContain(model);
    }

    @Test
    void a_configured_chat_role_replaces_the_default_one() {
        AccessControl narrow = Access.from(Configs.of(List.of(),
                List.of(new RoleConfig("chat", List.of("chat"), List.of("small-*"))), null));
        assertThat(narrow.authorize(caller("chat"), Route.CHAT, "small-1")).isEmpty();
        assertForbidden(narrow.authorize(caller("chat"), Route.CHAT, "large-1"), "model_not_allowed");
        assertForbidden(narrow.authorize(caller("chat"), Route.MODELS, null), "route_not_allowed");
    }

    @Test
    void an_unknown_route_name_in_a_role_stops_the_start() {
        assertThatThrownBy(() -> Access.from(Configs.of(List.of(),
                List.of(new RoleConfig("r", List.of("chat", "images"), List.of("*"))), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("images");
    }

    static void assertForbidden(Optional<Refusal> refusal, String code) {
        assertThat(refusal).isPresent();
        assertThat(refusal.get().status()).isEqualTo(403);
        assertThat(refusal.get().type()).isEqualTo("permission_error");
        assertThat(refusal.get().code()).isEqualTo(code);
    }
}
