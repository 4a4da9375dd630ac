package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.AddressBlock;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {
    private final ClientAddresses behindBalancer = new ClientAddresses(List.of(
            AddressBlock.parse("10.0.0.0/8").orElseThrow(), AddressBlock.parse("fd00::/8").orElseThrow()));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        var direct = new ClientAddresses(List.of());
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
        assertThat(new ClientAddresses(List.of()).of("203.0.113.9", () -> List.of(forged))).isEqualTo("203.0.113.9");
    }
}
