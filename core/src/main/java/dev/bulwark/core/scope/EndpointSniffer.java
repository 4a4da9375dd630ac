package dev.bulwark.core.scope;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds LLM endpoints in config text ({@code .env}, YAML, JSON, TOML, properties): well-known settings such as
 * {@code OPENAI_BASE_URL} or {@code OLLAMA_HOST}, and any URL that looks like an OpenAI-compatible API. Keeps the
 * NAME of an API-key variable next to it, never its value. Line-based with bounded lines, so hostile files cost
 * little.
 */
final class EndpointSniffer {
    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 2000;

    private static final Set<String> ENDPOINT_SETTINGS = Set.of("OPENAI_BASE_URL", "OPENAI_API_BASE", "OPENAI_ENDPOINT",
            "OPENAI_API_HOST", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_BASE", "ANTHROPIC_BASE_URL", "OLLAMA_HOST",
            "OLLAMA_BASE_URL", "LLM_BASE_URL", "LLM_ENDPOINT", "LLM_API_BASE");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:export\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.-]{0,100})[\"']?\\s*[:=]\\s*(.*)$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>`,;)}\\]\\\\]{1,2000}");
    private static final Pattern BARE_OLLAMA = Pattern.compile("(?<![\\w.:/-])(localhost|127\\.0\\.0\\.1):11434\\b");
    private static final Pattern KEY_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]{0,100}(API_KEY|APIKEY|_KEY|_TOKEN)");
    private static final Pattern MODEL_SETTING = Pattern.compile("(?i)([A-Z0-9_]*_)?(MODEL|MODEL_NAME|DEPLOYMENT_NAME|DEPLOYMENT)");
    private static final Pattern MODEL_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    private EndpointSniffer() {
    }

    /** Whether a file of this name may hold settings worth scanning. */
    static boolean isConfigName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")) return true;
        String ext = ModelSniffer.extension(lower);
        return Set.of("yaml", "yml", "json", "toml", "properties", "ini", "cfg", "conf").contains(ext);
    }

    static List<Discovery.Endpoint> scan(String text, Path foundIn) {
        Map<String, Found> endpoints = new LinkedHashMap<>();
        List<String> keyVariables = new ArrayList<>();
        String model = null;
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].length() > MAX_LINE ? lines[i].substring(0, MAX_LINE) : lines[i];
            if (line.stripLeading().startsWith("#") || line.stripLeading().startsWith("//")) continue;
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                String key = assignment.group(1);
                String value = unquote(assignment.group(2));
                if (KEY_VARIABLE.matcher(key).matches()) keyVariables.add(key);
                if (model == null && MODEL_SETTING.matcher(key).matches() && MODEL_VALUE.matcher(value).matches()) model = value;
                if (ENDPOINT_SETTINGS.contains(key.toUpperCase(Locale.ROOT)) && !value.contains("$")) {
                    add(endpoints, value, key.toUpperCase(Locale.ROOT), i + 1);
                    continue;
                }
            }
            Matcher url = URL.matcher(line);
            while (url.find()) {
                String candidate = url.group();
                if (looksLikeLlmApi(candidate)) add(endpoints, candidate, "url", i + 1);
            }
            Matcher ollama = BARE_OLLAMA.matcher(line);
            while (ollama.find()) add(endpoints, "http://" + ollama.group(), "url", i + 1);
        }
        List<Discovery.Endpoint> out = new ArrayList<>();
        for (Found f : endpoints.values()) {
            out.add(new Discovery.Endpoint(f.url, f.provider, f.setting, keyVariable(f.provider, keyVariables),
                    Optional.ofNullable(model), foundIn, f.line));
        }
        return out;
    }

    private static void add(Map<String, Found> endpoints, String raw, String setting, int line) {
        String provider = provider(setting, raw);
        chatUrl(raw, provider).ifPresent(url -> endpoints.putIfAbsent(url.toString(), new Found(url, provider, setting, line)));
    }

    private static boolean looksLikeLlmApi(String url) {
        String u = stripQuery(url);
        return u.endsWith("/v1/chat/completions") || u.endsWith("/v1") || u.endsWith("/v1/") || u.contains(":11434");
    }

    private static String provider(String setting, String value) {
        String s = setting.toUpperCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        if (s.startsWith("AZURE") || v.contains(".openai.azure.com")) return "azure-openai";
        if (s.startsWith("ANTHROPIC") || v.contains("api.anthropic.com")) return "anthropic";
        if (s.startsWith("OLLAMA") || v.contains(":11434")) return "ollama";
        if (s.startsWith("OPENAI") || v.contains("api.openai.com")) return "openai";
        return "llm";
    }

    /**
     * The chat-completions URL for a base URL as SDKs take it: {@code http://host:11434} or {@code .../v1} gain
     * {@code /v1/chat/completions} or {@code /chat/completions}. Credentials, query and fragment are dropped: they do
     * not belong in a scope file or a report.
     */
    static Optional<URI> chatUrl(String raw, String provider) {
        String value = raw.strip();
        if (!value.contains("://")) value = "http://" + value;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return Optional.empty();
            String host = uri.getHost().equals("0.0.0.0") ? "127.0.0.1" : uri.getHost();
            String path = uri.getPath() == null ? "" : uri.getPath();
            while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            if (!path.endsWith("/chat/completions")) {
                if (path.endsWith("/v1")) path += "/chat/completions";
                else if (provider.equals("azure-openai") && path.isEmpty()) path = "/openai/v1/chat/completions";
                else if (provider.equals("ollama") && (path.isEmpty() || path.equals("/api"))) path = "/v1/chat/completions";
                else path += "/v1/chat/completions";
            }
            return Optional.of(new URI(scheme, null, host, uri.getPort(), path, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Prefer the key variable of the same provider (OPENAI_API_KEY for OPENAI_BASE_URL), else any API key. */
    private static Optional<String> keyVariable(String provider, List<String> keys) {
        String prefix = switch (provider) {
            case "azure-openai" -> "AZURE";
            case "anthropic" -> "ANTHROPIC";
            case "ollama" -> "OLLAMA";
            case "openai" -> "OPENAI";
            default -> "";
        };
        Optional<String> same = keys.stream().filter(k -> !prefix.isEmpty() && k.startsWith(prefix)).findFirst();
        if (same.isPresent() || provider.equals("ollama")) return same;
        return keys.stream().filter(k -> k.endsWith("API_KEY") || k.endsWith("APIKEY")).findFirst();
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.endsWith(",")) v = v.substring(0, v.length() - 1).strip();
        int hash = v.indexOf(" #");
        if (hash >= 0) v = v.substring(0, hash).strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String stripQuery(String url) {
        int cut = url.indexOf('?');
        int hash = url.indexOf('#');
        if (hash >= 0 && (cut < 0 || hash < cut)) cut = hash;
        return cut < 0 ? url : url.substring(0, cut);
    }

    private record Found(URI url, String provider, String setting, int line) {
    }
}
