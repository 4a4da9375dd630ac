package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.AddressBlock;
import dev.bulwark.guard.config.ForwardedHeader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {
    private static final List<AddressBlock> BALANCERS = List.of(
            AddressBlock.parse("10.0.0.0/8").orElseThrow(), AddressBlock.parse("fd00::/8").orElseThrow());
    private final ClientAddresses behindBalancer = new ClientAddresses(BALANCERS, ForwardedHeader.X_FORWARDED_FOR);
    private final ClientAddresses behindRfc7239Balancer = new ClientAddresses(BALANCERS, ForwardedHeader.FORWARDED);

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        var direct = new ClientAddresses(List.of(), ForwardedHeader.X_FORWARDED_FOR);
        assertThat(direct.of("203.0.113.9", () -> List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(direct.trusted("10.0.0.1")).isFalse();
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(behindBalancer.of("203.0.113.9", () -> List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("203.0.113.9", () -> {
            throw new AssertionError("the header of an untrusted peer is not even read");
        })).isEqualTo("203.0.113.9");
    }

    @Test
    void fromATrustedPeerTheNearestUntrustedHopIsTheClient() {
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client wrote the first two entries itself: they are never read
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("1.1.1.1, 8.8.8.8, 198.51.100.1, 10.0.0.9")))
                .isEqualTo("198.51.100.1");
        // a proxy that adds a header of its own instead of appending
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("1.1.1.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("198.51.100.1:51234"))).isEqualTo("198.51.100.1");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
        assertThat(behindBalancer.of("fd00::2", () -> List.of("2001:db8::7, fd00::9"))).isEqualTo("2001:db8::7");
    }

    @Test
    void whenEveryHopIsTrustedTheRequestBeganAtTheLeftmost() {
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("10.1.1.1, 10.0.0.9"))).isEqualTo("10.1.1.1");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void anUnreadableHopLeavesTheLastTrustedAddress() {
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("198.51.100.1, unknown, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("proxy.example.com"))).isEqualTo("10.0.0.2");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of(""))).isEqualTo("10.0.0.2");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of("198.51.100.1,,"))).isEqualTo("10.0.0.2");
    }

    @Test
    void onlyTheLastHopsOfALongHeaderAreRead() {
        String forged = "198.51.100.1, " + "10.0.0.1, ".repeat(ClientAddresses.MAX_HOPS) + "10.0.0.9";
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of(forged))).as("the leftmost hop read, all trusted")
                .isEqualTo("10.0.0.1");
    }

    /** Whatever a client puts in front, the address a trusted proxy appended is what counts. */
    @Property
    void aClientCannotChooseItsAddress(@ForAll @StringLength(max = 300) String forged) {
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of(forged + ", 198.51.100.23"))).isEqualTo("198.51.100.23");
        assertThat(behindBalancer.of("10.0.0.2", () -> List.of(forged, "198.51.100.23"))).isEqualTo("198.51.100.23");
        assertThat(new ClientAddresses(List.of(), ForwardedHeader.X_FORWARDED_FOR).of("203.0.113.9", () -> List.of(forged))).isEqualTo("203.0.113.9");
    }

    @Test
    void theRfc7239HeaderIsReadByItsForParameter() {
        assertThat(behindRfc7239Balancer.headerName()).isEqualTo("Forwarded");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("for=198.51.100.1;proto=https;by=10.0.0.2")))
                .isEqualTo("198.51.100.1");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("For=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("proto=http;for=\"198.51.100.1:5123\"")))
                .isEqualTo("198.51.100.1");
        // the client wrote the first element, the balancers the next two
        assertThat(behindRfc7239Balancer.of("10.0.0.2",
                () -> List.of("for=1.1.1.1, for=198.51.100.1;proto=https, for=10.0.0.9"))).isEqualTo("198.51.100.1");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("for=1.1.1.1", "for=198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void anRfc7239ElementWithoutAReadableAddressLeavesTheLastTrustedOne() {
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("for=unknown"))).isEqualTo("10.0.0.2");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("for=_hidden, for=10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("proto=https;by=10.0.0.2"))).isEqualTo("10.0.0.2");
        // X-Forwarded-For's bare list is not an RFC 7239 element
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of("198.51.100.1"))).isEqualTo("10.0.0.2");
    }

    /** An open quote or a stray separator from the client cannot swallow or shift what its proxy appended. */
    @Property
    void aClientCannotChooseItsAddressInTheRfc7239HeaderEither(@ForAll @StringLength(max = 300) String forged) {
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of(forged + ", for=198.51.100.23;proto=https")))
                .isEqualTo("198.51.100.23");
        assertThat(behindRfc7239Balancer.of("10.0.0.2", () -> List.of(forged, "for=\"198.51.100.23:443\"")))
                .isEqualTo("198.51.100.23");
    }
}
