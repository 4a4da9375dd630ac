package dev.bulwark.probe;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Facts about a target's host that several checks decide on. */
public final class Hosts {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Hosts() {
    }

    /** True for localhost names, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches()
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }
}
