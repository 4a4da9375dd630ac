package dev.bulwark.guard.config;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IP address or a CIDR block ({@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code fd00::/8}, {@code ::1}). Only
 * literal addresses are read and matched — a host name is never looked up, so neither the config nor a request header
 * can make the gateway ask DNS anything. An IPv4 address written as IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 one.
 */
public final class AddressBlock {
    private final byte[] network;
    private final int prefix;

    private AddressBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The block {@code text} names, or empty when it is not an address with an optional {@code /prefix}. */
    public static Optional<AddressBlock> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
        if (address == null) return Optional.empty();
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
            prefix = Integer.parseInt(p);
            if (prefix > bits) return Optional.empty();
        }
        return Optional.of(new AddressBlock(masked(address, prefix), prefix));
    }

    /**
     * The bytes of a literal IPv4 or IPv6 address (4 or 16; IPv4-mapped IPv6 gives 4), or null for anything else,
     * host names included. Bounded: nothing longer than an IPv6 literal with a zone is read.
     */
    public static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) return null;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) return null;
        if (bytes.length == 16 && isMappedIpv4(bytes)) return Arrays.copyOfRange(bytes, 12, 16);
        return bytes;
    }

    /**
     * What one client controls, for per-address limits and connection counts: an IPv4 address itself, an IPv6
     * address's /64 (a provider hands each subscriber at least a /64, so one machine can pick any of 2^64 source
     * addresses and would otherwise get 2^64 shares). Anything that is not a literal address is returned unchanged.
     */
    public static String subscriber(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) return address;
        if (bytes.length == 4) return NetUtil.bytesToIpAddress(bytes);
        return NetUtil.bytesToIpAddress(masked(bytes, 64)) + "/64";
    }

    /** Whether the literal {@code address} lies in this block (false for anything that is not a literal address). */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        return bytes != null && contains(bytes);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        return Arrays.equals(masked(address, prefix), network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBlock other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    /** Canonical form: the network address and its prefix length ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefix;
    }
}
