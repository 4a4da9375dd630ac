package dev.bulwark.guard.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns {@code roles:}, {@code clients:} and {@code jwt:} into records, checking references and uniqueness. */
final class AccessMapper {
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private AccessMapper() {
    }

    /** The built-in roles, each replaced by a configured role of the same name, then the other configured ones. */
    static List<RoleConfig> roles(List<Fields> entries) {
        Map<String, RoleConfig> roles = new LinkedHashMap<>();
        GuardDefaults.ROLES.forEach(r -> roles.put(r.name(), r));
        Map<String, String> seen = new HashMap<>();
        for (Fields role : entries) {
            String name = role.text("name", "");
            String earlier = seen.putIfAbsent(name, role.path());
            if (earlier != null) {
                role.problem("name", "duplicate role '" + name + "' (also " + earlier + ")");
                continue;
            }
            roles.put(name, new RoleConfig(name, role.texts("routes", List.of()),
                    role.texts("models", GuardDefaults.ANY_MODEL), role.texts("tools", GuardDefaults.ANY_TOOL)));
        }
        return List.copyOf(roles.values());
    }

    /**
     * @param jwt          whether tokens are accepted (a client may then have neither key nor certificate)
     * @param certificates whether the listener asks for client certificates ({@code listen.tls.clientCertificates})
     */
    static List<ClientConfig> clients(List<Fields> entries, Set<String> roleNames, Limits defaults, boolean jwt,
                                      boolean certificates) {
        List<ClientConfig> clients = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        for (Fields client : entries) {
            String id = client.text("id", "");
            String earlier = ids.putIfAbsent(id, client.path());
            if (earlier != null) client.problem("id", "duplicate client id '" + id + "' (also " + earlier + ")");
            String key = client.text("keySha256", null);
            if (key != null) {
                if (!SHA256_HEX.matcher(key).matches()) {
                    client.problem("keySha256", "must be the SHA-256 of the client's key as 64 hex digits "
                            + "(or let 'bulwark guard keys add' issue a key)");
                } else {
                    key = key.toLowerCase(Locale.ROOT);
                    String same = keys.putIfAbsent(key, client.path());
                    if (same != null) client.problem("keySha256", "the same key as " + same);
                }
            }
            String certificate = certificateSha256(client, certificates, fingerprints);
            if (key == null && certificate == null && !jwt) {
                client.problem("keySha256", "missing: without a key hash (or a certificateSha256, or jwt configured) "
                        + "this client could never authenticate");
            }
            List<String> roles = client.texts("roles", GuardDefaults.CLIENT_ROLES);
            for (int i = 0; i < roles.size(); i++) {
                if (!roleNames.contains(roles.get(i))) {
                    client.problem("roles[" + i + "]", undefinedRole(roles.get(i), roleNames));
                }
            }
            clients.add(new ClientConfig(id, key, certificate, roles,
                    PolicyMapper.limits(client.object("limits"), defaults)));
        }
        return clients;
    }

    /** The client's certificate fingerprint, lower-case hex without colons, or null (problems reported). */
    private static String certificateSha256(Fields client, boolean certificates, Map<String, String> seen) {
        String given = client.text("certificateSha256", null);
        if (given == null) return null;
        String hex = given.replace(":", "").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            client.problem("certificateSha256", "must be the SHA-256 fingerprint of the client's certificate as 64 hex "
                    + "digits, colons allowed (openssl x509 -in client.pem -noout -fingerprint -sha256)");
            return null;
        }
        if (!certificates) {
            client.problem("certificateSha256", "the listener does not ask for client certificates: set "
                    + "listen.tls.clientCertificates to request or require");
        }
        String same = seen.putIfAbsent(hex, client.path());
        if (same != null) client.problem("certificateSha256", "the same certificate as " + same);
        return hex;
    }

    static String undefinedRole(String role, Set<String> defined) {
        return "role '" + role + "' is not defined (defined: " + String.join(", ", defined.stream().sorted().toList())
                + "; add it under roles:)";
    }

    /** Null when {@code jwt:} is absent. */
    static JwtConfig jwt(Fields jwt) {
        boolean url = jwt.has("jwksUrl");
        boolean file = jwt.has("jwksFile");
        if (url == file) {
            jwt.problem(url ? "jwksFile" : "jwksUrl", url ? "give jwksUrl or jwksFile, not both"
                    : "missing: give jwksUrl (fetched) or jwksFile (local) to verify tokens against");
        }
        return new JwtConfig(jwt.url("jwksUrl", Set.of("http", "https"), false),
                file ? jwt.existingFile("jwksFile") : null, jwt.text("issuer", null),
                jwt.texts("audiences", List.of()), jwt.text("clientClaim", GuardDefaults.JWT_CLIENT_CLAIM),
                jwt.text("rolesClaim", GuardDefaults.JWT_ROLES_CLAIM),
                jwt.seconds("clockSkewSeconds", GuardDefaults.JWT_CLOCK_SKEW),
                jwt.seconds("jwksRefreshSeconds", GuardDefaults.JWT_REFRESH));
    }
}
