package dev.bulwark.detect.pii;

import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import dev.bulwark.detect.ScanText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses, parsed rather than pattern-matched; a dotted quad next to "version", "release" or
 * "build" is a version number, not an address.
 */
final class IpAddresses {
    private static final Pattern V4 = Pattern.compile(
            "(?<![\\w.])[0-9]{1,3}+\\.[0-9]{1,3}+\\.[0-9]{1,3}+\\.[0-9]{1,3}+(?![\\w]|\\.[0-9])");
    private static final Pattern V6 = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f.]{0,4}+:[0-9A-Fa-f:.]{1,41}+(?![\\w:])");

    private static final List<ContextWords> CONTEXT = List.of(
            ContextWords.before(30, 0.25, "ip", "ips", "address", "addr", "host", "server", "client", "gateway",
                    "dns", "subnet", "from", "connect", "connected", "ping", "login", "logged", "client_ip", "remote"),
            ContextWords.before(25, -0.55, "version", "versions", "ver", "release", "build", "firmware", "update",
                    "upgrade", "sdk", "api", "changelog", "patch", "v", "rev", "revision"));

    private IpAddresses() {
    }

    static List<PatternRecognizer> recognizers() {
        return List.of(
                PatternRecognizer.of(EntityType.IP_ADDRESS, V4, 0, List.of("."), 15 + 30, (text, m, s, e) ->
                        ipv4(m.group()) && !nobody(m.group()) ? ContextWords.applyAll(CONTEXT, text, s, e, 0.6) : -1).inDigitRuns(4).settledBy(Settling::valueRun),
                PatternRecognizer.of(EntityType.IP_ADDRESS, V6, 0, List.of(":"), 45 + 30, (text, m, s, e) -> {
                    String value = m.group();
                    int groups = ipv6Groups(value);
                    if (groups < 0 || value.equals("::1") || value.equals("::")) return -1;
                    double base = groups >= 3 ? 0.7 : 0.35; // "::1" or "a::b" are as often code as addresses
                    return ContextWords.applyAll(CONTEXT, text, s, e, base);
                }).within(IpAddresses::hexColonRuns).settledBy(Settling::valueRun));
    }

    /**
     * Runs of hex digits, colons and dots holding at least two colons — every IPv6 literal is one ("a::b" has two) —
     * so times ("10:30") and "key: value" pairs cost a look at their neighbours, not a pattern run.
     */
    static int[] hexColonRuns(ScanText text) {
        String s = text.text();
        var out = new java.util.ArrayList<int[]>();
        int from = 0;
        for (int at = s.indexOf(':'); at >= 0; at = s.indexOf(':', from)) {
            int start = at;
            while (start > 0 && hexColonDot(s.charAt(start - 1))) start--;
            int end = at + 1;
            while (end < s.length() && hexColonDot(s.charAt(end))) end++;
            int colons = 0;
            for (int i = start; i < end && colons < 2; i++) if (s.charAt(i) == ':') colons++;
            if (colons >= 2) out.add(new int[] {start, end});
            from = end + 1;
        }
        int[] flat = new int[out.size() * 2];
        for (int k = 0; k < out.size(); k++) {
            flat[2 * k] = out.get(k)[0];
            flat[2 * k + 1] = out.get(k)[1];
        }
        return flat;
    }

    private static boolean hexColonDot(char c) {
        return c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128;
    }

    /** Loopback, "any" and broadcast addresses name no one's machine (and fill every local URL). */
    static boolean nobody(String ipv4) {
        return ipv4.startsWith("127.") || ipv4.equals("0.0.0.0") || ipv4.equals("255.255.255.255");
    }

    static boolean ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return false;
            for (int i = 0; i < p.length(); i++) if (!Character.isDigit(p.charAt(i))) return false;
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    /** The number of explicit 16-bit groups of a valid IPv6 literal (an embedded IPv4 counts two), or -1. */
    static int ipv6Groups(String value) {
        if (value.length() < 2 || value.length() > 45) return -1;
        int gap = value.indexOf("::");
        if (gap >= 0 && value.indexOf("::", gap + 1) >= 0) return -1;
        String head = gap >= 0 ? value.substring(0, gap) : value;
        String tail = gap >= 0 ? value.substring(gap + 2) : "";
        int headGroups = groups(head, gap < 0);
        int tailGroups = gap >= 0 ? groups(tail, true) : 0;
        if (headGroups < 0 || tailGroups < 0) return -1;
        int total = headGroups + tailGroups;
        if (gap < 0) return total == 8 ? total : -1;
        return total <= 7 ? total : -1;
    }

    /** Groups in a colon-separated run ({@code ""} is zero); the last may be a dotted IPv4 when {@code last}. */
    private static int groups(String run, boolean last) {
        if (run.isEmpty()) return 0;
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (last && i == parts.length - 1 && p.indexOf('.') >= 0) {
                if (!ipv4(p)) return -1;
                count += 2;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return -1;
            for (int j = 0; j < p.length(); j++) if (Character.digit(p.charAt(j), 16) < 0) return -1;
            count++;
        }
        return count;
    }
}
