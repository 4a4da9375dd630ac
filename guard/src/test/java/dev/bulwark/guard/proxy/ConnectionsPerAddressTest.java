package dev.bulwark.guard.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionsPerAddressTest {
    @Test
    void anIpv6SubscriberHoldsItsShareAcrossItsWholeSlash64() {
        var perAddress = new ConnectionsPerAddress(2, a -> false);
        Runnable first = perAddress.admit("2001:db8:1:2::1");
        assertThat(first).isNotNull();
        assertThat(perAddress.admit("2001:db8:1:2::2")).isNotNull();
        assertThat(perAddress.admit("2001:db8:1:2:ffff::3")).as("a third address of the same /64").isNull();
        assertThat(perAddress.admit("2001:db8:1:3::1")).as("another /64").isNotNull();
        first.run();
        first.run(); // a second run gives nothing back twice
        assertThat(perAddress.open("2001:db8:1:2::9")).isEqualTo(1);
        assertThat(perAddress.admit("2001:db8:1:2::4")).isNotNull();
        assertThat(perAddress.open("2001:db8:1:2::9")).isEqualTo(2);
    }

    @Test
    void noCapAndExemptPeersAreNotCounted() {
        assertThat(new ConnectionsPerAddress(0, a -> false).admit("10.0.0.1")).isNotNull();
        var exempt = new ConnectionsPerAddress(1, "10.0.0.1"::equals);
        for (int i = 0; i < 3; i++) assertThat(exempt.admit("10.0.0.1")).isNotNull();
        assertThat(exempt.addresses()).isZero();
        assertThat(exempt.admit(null)).isNotNull();
    }
}
