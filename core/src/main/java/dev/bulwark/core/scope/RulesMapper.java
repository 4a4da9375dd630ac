package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.config.Problems;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns {@code rules:} into {@link RulesOfEngagement}, checking what the schema cannot: hosts and the window. */
final class RulesMapper {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");

    private RulesMapper() {
    }

    static RulesOfEngagement map(JsonNode rules, Problems problems) {
        List<String> hosts = Nodes.texts(rules, "allowedHosts");
        for (int i = 0; i < hosts.size(); i++) {
            String problem = hostProblem(hosts.get(i));
            if (problem != null) problems.add("rules.allowedHosts[" + i + "]", problem);
        }
        JsonNode window = rules.path("window");
        Instant notBefore = instant(window, "notBefore", problems);
        Instant notAfter = instant(window, "notAfter", problems);
        if (notBefore != null && notAfter != null && !notAfter.isAfter(notBefore)) {
            problems.add("rules.window.notAfter", "must be later than notBefore");
        }
        return new RulesOfEngagement(hosts,
                rules.path("maxRequestsPerSecond").asDouble(RulesOfEngagement.DEFAULT_MAX_REQUESTS_PER_SECOND),
                rules.path("maxRequests").asInt(RulesOfEngagement.DEFAULT_MAX_REQUESTS),
                rules.path("destructive").asBoolean(false),
                rules.has("requestTimeoutSeconds") ? Duration.ofSeconds(rules.get("requestTimeoutSeconds").asLong())
                        : RulesOfEngagement.DEFAULT_REQUEST_TIMEOUT,
                rules.path("maxRetries").asInt(RulesOfEngagement.DEFAULT_MAX_RETRIES),
                notBefore, notAfter, rules.path("outOfBandCollector").asBoolean(false));
    }

    /** Why {@code host} cannot be an allow-list entry, or null when it can. */
    static String hostProblem(String host) {
        if (host.contains("://")) return "'" + host + "' is a URL; write only its host name";
        if (host.contains("*")) return "wildcards are not supported; list each host exactly";
        long colons = host.chars().filter(c -> c == ':').count();
        if (colons >= 2) return IPV6.matcher(host).matches() ? null : "'" + host + "' is not a valid IPv6 address";
        if (colons == 1) return "'" + host + "' has a port; list the host only (any port of it is allowed)";
        if (!HOST_NAME.matcher(host).matches()) {
            return "'" + host + "' is not a host name or IP address (letters, digits, '.', '-'; no path or spaces)";
        }
        return null;
    }

    private static Instant instant(JsonNode window, String name, Problems problems) {
        JsonNode v = window.get(name);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v.asText().strip().toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("rules.window." + name, "'" + v.asText() + "' is not a date-time with a zone, e.g. 2026-11-26T08:00:00Z");
            return null;
        }
    }
}
