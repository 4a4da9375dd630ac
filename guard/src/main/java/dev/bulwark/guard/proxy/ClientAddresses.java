package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.AddressBlock;
import dev.bulwark.guard.config.ForwardedHeader;
import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which address a request comes from, for the per-address limits and the audit record. Behind
 * a load balancer every connection comes from the balancer, so from a trusted proxy the client is read from
 * {@code X-Forwarded-For} (or RFC 7239 {@code Forwarded}, whichever one the configuration names): walking it from
 * the right (the entries the trusted proxies appended), the first address that is not itself a trusted proxy.
 * Everything left of it was written by the client and may be forged, so it is never read; from a peer that is not
 * trusted the header is ignored altogether. Thread-safe.
 */
final class ClientAddresses {
    /** More hops than any real chain of proxies; a longer header is read only this far from its right end. */
    static final int MAX_HOPS = 32;

    private final List<AddressBlock> trusted;
    private final ForwardedHeader header;

    ClientAddresses(List<AddressBlock> trusted, ForwardedHeader header) {
        this.trusted = List.copyOf(trusted);
        this.header = header;
    }

    /** The one header read for the client's address. */
    String headerName() {
        return header.headerName();
    }

    boolean trusted(String address) {
        if (trusted.isEmpty() || address == null) return false;
        byte[] bytes = AddressBlock.literal(address);
        return bytes != null && trusted(bytes);
    }

    /**
     * @param peer         the connection's remote address (null when unknown)
     * @param forwardedFor every {@link #headerName()} header of the request, in order (one list: proxies may add
     *                     a header of their own instead of appending); read only when the peer is trusted
     */
    String of(String peer, Supplier<List<String>> forwardedFor) {
        if (!trusted(peer)) return peer;
        List<String> headers = forwardedFor.get();
        if (headers.isEmpty()) return peer;
        List<String> hops = lastHops(headers);
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] address = hop(header.address(hops.get(i)));
            // written by a trusted proxy, so not forged, but unreadable: the last address we could trust stands
            if (address == null) return nearest;
            String text = NetUtil.bytesToIpAddress(address);
            if (!trusted(address)) return text;
            nearest = text;
        }
        return nearest; // every hop is a trusted proxy: the request began inside, at the leftmost
    }

    private boolean trusted(byte[] address) {
        for (AddressBlock block : trusted) if (block.contains(address)) return true;
        return false;
    }

    /** The last {@link #MAX_HOPS} comma-separated entries across the headers, left to right. */
    private static List<String> lastHops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (int h = headers.size() - 1; h >= 0 && hops.size() < MAX_HOPS; h--) {
            String header = headers.get(h);
            int end = header.length();
            while (end >= 0 && hops.size() < MAX_HOPS) {
                int comma = header.lastIndexOf(',', end - 1);
                hops.add(header.substring(comma + 1, end).strip());
                end = comma;
            }
        }
        return hops.reversed();
    }

    /**
     * One address: {@code 192.0.2.7}, {@code 192.0.2.7:5123}, {@code 2001:db8::7} or {@code [2001:db8::7]:5123};
     * anything else ({@code unknown}, an obfuscated {@code _node} name) is null.
     */
    private static byte[] hop(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? null : AddressBlock.literal(entry.substring(1, close));
        }
        int colon = entry.indexOf(':');
        if (colon >= 0 && colon == entry.lastIndexOf(':')) return AddressBlock.literal(entry.substring(0, colon));
        return AddressBlock.literal(entry);
    }
}
