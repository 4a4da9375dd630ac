package dev.bulwark.guard.config;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressBlockTest {
    @Test
    void blocksMatchTheAddressesInsideThemOnly() {
        AddressBlock ten = AddressBlock.parse("10.0.0.0/8").orElseThrow();
        assertThat(ten.contains("10.1.2.3")).isTrue();
        assertThat(ten.contains("10.255.255.255")).isTrue();
        assertThat(ten.contains("11.0.0.0")).isFalse();
        assertThat(ten.contains("::ffff:10.9.9.9")).as("IPv4 written as IPv6 is IPv4").isTrue();
        assertThat(ten.contains("fd00::1")).isFalse();

        AddressBlock one = AddressBlock.parse(" 192.168.1.7 ").orElseThrow();
        assertThat(one).hasToString("192.168.1.7/32");
        assertThat(one.contains("192.168.1.7")).isTrue();
        assertThat(one.contains("192.168.1.8")).isFalse();

        AddressBlock ula = AddressBlock.parse("fd00::/8").orElseThrow();
        assertThat(ula.contains("fd12:3456::1")).isTrue();
        assertThat(ula.contains("fe80::1")).isFalse();
        assertThat(AddressBlock.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.9")).isTrue();
        assertThat(AddressBlock.parse("10.1.2.3/8")).as("host bits are masked").contains(ten);
    }

    @Test
    void onlyLiteralAddressesAreRead() {
        for (String bad : new String[] {"localhost", "proxy.example.com", "10.0.0.0/33", "::/129", "10.0.0.0/",
                "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0", "256.1.1.1", "", " ", "10.0.0.0/0008", "1.2.3.4 5"}) {
            assertThat(AddressBlock.parse(bad)).as(bad).isEmpty();
        }
        assertThat(AddressBlock.parse("10.0.0.0/8").orElseThrow().contains("ten.example")).isFalse();
        assertThat(AddressBlock.literal("1".repeat(65))).isNull();
    }

    @Test
    void aSubscriberIsAnIpv4AddressOrAnIpv6Slash64() {
        assertThat(AddressBlock.subscriber("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(AddressBlock.subscriber("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(AddressBlock.subscriber("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressBlock.subscriber("2001:0db8:0001:0002:0000:0000:0000:0001")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressBlock.subscriber("unknown")).isEqualTo("unknown");
    }

    @Property
    void anIpv4AddressLiesInEveryBlockCutFromIt(@ForAll int address, @ForAll @IntRange(min = 0, max = 32) int prefix) {
        String text = ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255);
        AddressBlock block = AddressBlock.parse(text + "/" + prefix).orElseThrow();
        assertThat(block.contains(text)).isTrue();
        if (prefix > 0) {
            int flipped = address ^ (1 << (32 - prefix)); // the lowest bit of the network part
            String outside = ((flipped >>> 24) & 255) + "." + ((flipped >>> 16) & 255) + "." + ((flipped >>> 8) & 255)
                    + "." + (flipped & 255);
            assertThat(block.contains(outside)).isFalse();
        }
    }
}
