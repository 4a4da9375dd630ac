package dev.bulwark.probe.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates what a markdown renderer shows as code (fenced blocks, inline backtick spans — escaped on display)
 * from the prose it renders as markup. An HTML payload inside code is shown, not run.
 */
final class CodeSpans {
    private static final Pattern FENCED = Pattern.compile("(?s)(```|~~~)[^\\n]{0,40}\\n(.*?)(?:\\1|\\z)");
    private static final Pattern INLINE = Pattern.compile("`[^`\\n]{1,2000}`");

    private CodeSpans() {
    }

    /** The text with every code block and inline code span blanked out. */
    static String prose(String text) {
        String noBlocks = FENCED.matcher(text).replaceAll(" ");
        return INLINE.matcher(noBlocks).replaceAll(" ");
    }

    /** The contents of the fenced code blocks, in order. */
    static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = FENCED.matcher(text);
        while (m.find()) out.add(m.group(2));
        return out;
    }
}
