package dev.bulwark.guard.filter;

import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ImageAction;
import java.util.List;
import java.util.Locale;

/**
 * What happens to markdown images and raw HTML in replies, and which image hosts are trusted. Entries of
 * {@code allowedImageHosts} match a host exactly (case-insensitive); {@code *.example.com} also matches its
 * subdomains.
 */
record MarkupPolicy(ImageAction images, List<String> allowedImageHosts, HtmlAction html) {
    MarkupPolicy {
        images = images == null ? ImageAction.STRIP_EXTERNAL : images;
        html = html == null ? HtmlAction.ESCAPE : html;
        allowedImageHosts = allowedImageHosts == null ? List.of()
                : allowedImageHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean active() {
        return images != ImageAction.KEEP || html != HtmlAction.KEEP;
    }

    /**
     * Whether an image at {@code destination} may stay. Relative paths (same origin as the page) may under
     * {@link ImageAction#STRIP_EXTERNAL}; anything with a scheme or a network path ({@code //host}, and
     * {@code /\host}, {@code \\host}, which browsers read the same way) needs an allowed http(s) host.
     */
    boolean imageAllowed(String destination) {
        if (images == ImageAction.KEEP) return true;
        if (images == ImageAction.STRIP_ALL) return false;
        String d = destination.strip();
        int colon = d.indexOf(':');
        int slash = indexOfAny(d, "/?#");
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        boolean networkPath = d.startsWith("//") || d.startsWith("/\\") || d.startsWith("\\");
        if (!hasScheme && !networkPath) return true;
        String rest;
        if (hasScheme) {
            String scheme = d.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return false;
            rest = d.substring(colon + 1);
            if (!rest.startsWith("//")) return false;
        } else {
            rest = d;
        }
        if (!rest.startsWith("//")) return false;
        String authority = rest.substring(2);
        int end = indexOfAny(authority, "/?#\\");
        if (end >= 0) authority = authority.substring(0, end);
        if (authority.indexOf('@') >= 0 || authority.indexOf('%') >= 0) return false;
        int port = authority.lastIndexOf(':');
        String host = (port >= 0 ? authority.substring(0, port) : authority).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return !host.isEmpty() && hostAllowed(host);
    }

    private boolean hostAllowed(String host) {
        for (String allowed : allowedImageHosts) {
            if (allowed.startsWith("*.")) {
                String base = allowed.substring(2);
                if (host.equals(base) || host.endsWith("." + base)) return true;
            } else if (host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
