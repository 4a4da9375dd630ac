package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.scope.RulesOfEngagement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** The allow-list is an exact, case-insensitive host match; anything else is refused before it is sent. */
class AllowListPropertyTest {
    private static final String ALLOWED = "api.shop.test";
    private static final RulesOfEngagement RULES = Rules.of(List.of(ALLOWED, "10.0.0.7"), 1000, 1000, 0);
    private static final EngagementClient CLIENT = new EngagementClient(RULES);

    @AfterContainer
    static void close() {
        CLIENT.close();
    }

    @Property(tries = 300)
    void aHostIsAllowedIffItMatchesExactly(@ForAll("nearMisses") String host) {
        boolean exact = host.equalsIgnoreCase(ALLOWED) || host.equals("10.0.0.7");
        assertThat(RULES.allows(host)).isEqualTo(exact);
    }

    @Property(tries = 300)
    void aUriWhoseHostIsNotAllowedIsNeverSent(@ForAll("uris") String raw) throws Exception {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return; // not a URI at all: nothing to send
        }
        String host = uri.getHost();
        boolean exact = host != null && (host.equalsIgnoreCase(ALLOWED) || host.equals("10.0.0.7"));
        assertThat(RULES.allows(host)).isEqualTo(exact);
        if (exact) return; // allowed hosts are not resolvable here; the point is what is refused
        long before = CLIENT.requestsSent();
        EngagementException e = catchThrowableOfType(EngagementException.class,
                () -> CLIENT.send(HttpCall.get(uri)));
        assertThat(e).as("send to %s", raw).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
        assertThat(CLIENT.requestsSent()).isEqualTo(before);
    }

    /** Hosts close to the allowed ones: case changes, prefixes, suffixes, truncations, trailing dots, lookalikes. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> base = Arbitraries.of(ALLOWED, "10.0.0.7");
        return Arbitraries.oneOf(
                base,
                base.map(h -> h.toUpperCase(Locale.ROOT)),
                Combinators.combine(base, label).as((h, l) -> l + "." + h),
                Combinators.combine(base, label).as((h, l) -> h + "." + l),
                Combinators.combine(base, label).as((h, l) -> h + l),
                base.map(h -> h + "."),
                base.map(h -> h.substring(1)),
                base.map(h -> h.substring(0, h.length() - 1)),
                base.map(h -> h.replace('.', '-')),
                base.map(h -> " " + h),
                Arbitraries.strings().ofMaxLength(30));
    }

    /** URIs built around the allowed host, with userinfo, ports, other schemes and random text. */
    @Provide
    Arbitrary<String> uris() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "ftp", "file", "gopher");
        Arbitrary<String> userinfo = Arbitraries.of("", ALLOWED + "@", "user:pw@", ALLOWED + ":80@");
        Arbitrary<String> port = Arbitraries.of("", ":1", ":80", ":65535");
        Arbitrary<String> path = Arbitraries.of("/", "/x", "/@" + ALLOWED, "?next=http://" + ALLOWED + "/");
        Arbitrary<String> built = Combinators.combine(scheme, userinfo, nearMisses(), port, path)
                .as((s, u, h, p, pa) -> s + "://" + u + h + p + pa);
        return Arbitraries.oneOf(built, Arbitraries.strings().ofMaxLength(40));
    }
}
