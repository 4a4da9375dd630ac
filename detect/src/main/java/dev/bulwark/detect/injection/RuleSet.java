package dev.bulwark.detect.injection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer (b): the bundled multilingual rules ({@code rules.tsv} next to this class; its header explains the
 * format and macros). Loaded and compiled once; a malformed line fails at start-up with its line number, never
 * mid-scan. Immutable and thread-safe. A keyword prefilter ({@link KeywordScanner} over each rule's
 * {@link RequiredLiterals}) runs first, so a text pays for the regexes of only those rules whose keywords it
 * contains; what matches is the same as running every rule.
 */
public final class RuleSet {
    private static final Map<String, String> MACROS = Map.of(
            "{b}", "(?<![\\p{L}\\p{N}])",
            "{e}", "(?![\\p{L}\\p{N}])",
            "{s}", "[^\\p{L}\\p{N}]{1,5}+",
            "{w}", "[\\p{L}\\p{N}]{1,25}+");
    private static final RuleSet STANDARD = load("rules.tsv");

    private final List<InjectionRule> rules;
    private final KeywordScanner prefilter;
    /** Per rule, the strings each match starts with ({@link LeadingLiterals}); null: try every position. */
    private final String[][] anchors;
    /** Per rule, whether every match starts at a line start ({@link LeadingLiterals#atLineStarts}). */
    private final boolean[] lineAnchored;

    private RuleSet(List<InjectionRule> rules) {
        this.rules = List.copyOf(rules);
        this.anchors = this.rules.stream()
                .map(rule -> LeadingLiterals.of(rule.pattern().pattern()).map(s -> s.toArray(String[]::new))
                        .orElse(null))
                .toArray(String[][]::new);
        this.lineAnchored = new boolean[this.rules.size()];
        for (int r = 0; r < lineAnchored.length; r++) {
            lineAnchored[r] = LeadingLiterals.atLineStarts(this.rules.get(r).pattern().pattern());
        }
        this.prefilter = new KeywordScanner(this.rules.stream()
                .map(rule -> RequiredLiterals.clauses(rule.pattern().pattern())).toList());
    }

    public static RuleSet standard() {
        return STANDARD;
    }

    public List<InjectionRule> rules() {
        return rules;
    }

    /** Every rule that matches the text or one of its decoded segments; each rule at most once per place. */
    public List<RuleHit> match(NormalizedText text) {
        return match(text, true);
    }

    /**
     * {@code prefiltered == false} runs every regex from every position: the reference the prefilter and the
     * anchoring are tested against.
     */
    List<RuleHit> match(NormalizedText text, boolean prefiltered) {
        var hits = new ArrayList<RuleHit>();
        var seen = new HashSet<String>();
        scan(text.text(), Optional.empty(), prefiltered, hits, seen);
        for (NormalizedText.Decoded segment : text.decoded()) {
            scan(segment.text(), Optional.of(segment.kind()), prefiltered, hits, seen);
        }
        return hits;
    }

    private void scan(String text, Optional<Obfuscation> source, boolean prefiltered, List<RuleHit> hits,
            Set<String> seen) {
        BitSet candidates = prefiltered ? prefilter.candidates(text) : all();
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            InjectionRule rule = rules.get(r);
            if (!seen.contains(rule.id()) && matches(r, text, prefiltered)) {
                hits.add(new RuleHit(rule, source));
                seen.add(rule.id());
            }
        }
    }

    /**
     * {@code find}, or with anchors {@code lookingAt} at each place a leading string occurs or, for a rule that
     * starts at a line start, at each line start: same answer.
     */
    private boolean matches(int r, String text, boolean anchored) {
        Matcher matcher = rules.get(r).pattern().matcher(text);
        String[] leading = anchors[r];
        if (!anchored || leading == null && !lineAnchored[r]) return matcher.find();
        // look-behind sees the text before; ^ tests the real text, not the region's start
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int[] starts = new int[8];
        int count = 0;
        if (leading == null) {
            starts[count++] = 0;
            for (int at = 0; at < text.length(); at++) {
                if (!isLineTerminator(text.charAt(at))) continue;
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = at + 1;
            }
        } else {
            for (String literal : leading) {
                for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                    if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                    starts[count++] = at;
                }
            }
        }
        Arrays.sort(starts, 0, count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && starts[k] == starts[k - 1]) continue;
            if (matcher.region(starts[k], text.length()).lookingAt()) return true;
        }
        return false;
    }

    /** The characters after which {@code (?m:^)} matches (java.util.regex, without UNIX_LINES). */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Rules that can only be tried at the places their leading strings occur. */
    int anchoredRules() {
        return (int) Arrays.stream(anchors).filter(a -> a != null).count();
    }

    private BitSet all() {
        var all = new BitSet(rules.size());
        all.set(0, rules.size());
        return all;
    }

    static RuleSet load(String resource) {
        try (InputStream in = RuleSet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing rule resource " + resource);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var rules = new ArrayList<InjectionRule>();
            var ids = new HashSet<String>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                InjectionRule rule = parse(resource, number, line);
                if (!ids.add(rule.id())) throw bad(resource, number, "duplicate rule id " + rule.id());
                rules.add(rule);
            }
            return new RuleSet(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InjectionRule parse(String resource, int number, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) throw bad(resource, number, "expected 4 tab-separated fields, found " + f.length);
        String[] idParts = f[0].split("\\.");
        if (idParts.length != 3) throw bad(resource, number, "id must read language.category.name: " + f[0]);
        try {
            var category = InjectionRule.Category.valueOf(idParts[1].toUpperCase(Locale.ROOT));
            // "w" weighs the same everywhere; "w/d" is w in prompts and d in data (TextSource).
            String[] weights = f[1].split("/", -1);
            if (weights.length > 2) throw bad(resource, number, "weight must read w or w/d: " + f[1]);
            double prompt = Double.parseDouble(weights[0]);
            double data = weights.length == 2 ? Double.parseDouble(weights[1]) : prompt;
            return new InjectionRule(f[0], category, prompt, data, Pattern.compile(expand(f[2])), f[3]);
        } catch (IllegalArgumentException e) { // includes PatternSyntaxException
            throw bad(resource, number, e.getMessage());
        }
    }

    private static String expand(String pattern) {
        String out = pattern.replace("{g}", "(?:{s}{w}){0,3}?{s}");
        for (var macro : MACROS.entrySet()) out = out.replace(macro.getKey(), macro.getValue());
        return FirstCharGuard.guard(out);
    }

    private static IllegalStateException bad(String resource, int line, String message) {
        return new IllegalStateException(resource + ":" + line + ": " + message);
    }
}
