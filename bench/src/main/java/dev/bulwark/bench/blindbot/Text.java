package dev.bulwark.bench.blindbot;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers of the blind bot: folding, "understanding" obfuscated text, tokens, tiny translation tables. */
final class Text {
    private Text() {}

    static Pattern re(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static boolean has(Pattern p, String s) {
        return s != null && p.matcher(s).find();
    }

    /** NFKC, no invisible characters, plain quotes, lower case. */
    static String fold(String s) {
        return clean(s).toLowerCase(Locale.ROOT);
    }

    /** NFKC, no invisible characters, plain quotes; case kept. */
    static String clean(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (cp >= 0xE0020 && cp <= 0xE007E) { b.append((char) (cp - 0xE0000)); return; } // tag characters
            if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD
                    || (cp >= 0x200E && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0xE0000 && cp <= 0xE007F)) return;
            switch (cp) {
                case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032 -> b.append('\'');
                case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB -> b.append('"');
                case 0x2013, 0x2014 -> b.append('-');
                default -> b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static final Set<String> COMMON = Set.of("the", "and", "you", "to", "how", "what", "is", "a", "of", "in", "your",
            "me", "make", "tell", "ignore", "instructions", "please", "for", "with", "this", "that", "are", "do", "can", "write",
            "say", "system", "prompt", "i", "it", "my", "all", "give", "print", "from", "show", "previous", "an", "be", "who");

    static double englishScore(String s) {
        String[] w = s.toLowerCase(Locale.ROOT).split("[^a-z]+");
        int n = 0, hit = 0;
        for (String x : w) {
            if (x.isEmpty()) continue;
            n++;
            if (COMMON.contains(x)) hit++;
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}[\\s:,]?){8,}");
    private static final Pattern SPACED = Pattern.compile("(?<![\\p{L}])(\\p{L}(?:[ .\\-_*|/]\\p{L}){2,})(?![\\p{L}])");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]{1,80})\"|'([^'\\n]{1,80})'");
    private static final Pattern PERCENT = Pattern.compile("(?:%[0-9a-fA-F]{2}){3,}");

    static String rot13(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') b.append((char) ('a' + (c - 'a' + 13) % 26));
            else if (c >= 'A' && c <= 'Z') b.append((char) ('A' + (c - 'A' + 13) % 26));
            else b.append(c);
        }
        return b.toString();
    }

    static String leet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case '0' -> 'o'; case '1' -> 'i'; case '3' -> 'e'; case '4' -> 'a'; case '5' -> 's';
                case '7' -> 't'; case '@' -> 'a'; case '$' -> 's'; case '!' -> 'i'; case '8' -> 'b';
                default -> c;
            });
        }
        return b.toString();
    }

    private static boolean printable(String s) {
        if (s.isEmpty()) return false;
        int ok = 0;
        for (char c : s.toCharArray()) if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || Character.isLetter(c)) ok++;
        return ok >= s.length() * 0.9 && s.chars().anyMatch(Character::isLetter);
    }

    /** What a capable (and careless) model would read out of an obfuscated message: the decodings it would "see". */
    static List<String> decodings(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) return out;
        String s = raw.length() > 200_000 ? raw.substring(0, 200_000) : raw;
        Matcher m = B64.matcher(s);
        while (m.find() && out.size() < 20) {
            String t = m.group();
            for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    String dec = new String(d.decode(padB64(t)), StandardCharsets.UTF_8);
                    if (printable(dec) && dec.contains(" ")) { out.add(dec); break; }
                } catch (IllegalArgumentException ignored) { /* not base64 */ }
            }
        }
        m = HEX.matcher(s);
        while (m.find() && out.size() < 20) {
            String h = m.group().replaceAll("[\\s:,]", "");
            if (h.length() % 2 == 1) h = h.substring(0, h.length() - 1);
            try {
                String dec = new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8);
                if (printable(dec)) out.add(dec);
            } catch (IllegalArgumentException ignored) { /* not hex */ }
        }
        m = PERCENT.matcher(s);
        if (m.find()) {
            try { out.add(URLDecoder.decode(s, StandardCharsets.UTF_8)); } catch (IllegalArgumentException ignored) { }
        }
        String folded = fold(s);
        double base = englishScore(folded);
        String r13 = rot13(folded);
        if (folded.contains("rot13") || folded.contains("rot-13") || folded.contains("rot 13") || englishScore(r13) > base + 0.15) out.add(r13);
        String rev = new StringBuilder(folded).reverse().toString();
        if (folded.contains("revers") || folded.contains("backward") || englishScore(rev) > base + 0.15) out.add(rev);
        String lt = leet(folded);
        if (!lt.equals(folded)) out.add(lt);
        Matcher sp = SPACED.matcher(folded);
        StringBuilder joined = new StringBuilder();
        int last = 0;
        boolean any = false;
        while (sp.find()) {
            joined.append(folded, last, sp.start()).append(sp.group(1).replaceAll("[ .\\-_*|/]", ""));
            last = sp.end();
            any = true;
        }
        if (any) out.add(joined.append(folded.substring(last)).toString());
        Matcher q = QUOTED.matcher(s);
        StringBuilder cat = new StringBuilder();
        int parts = 0;
        while (q.find()) { cat.append(q.group(1) != null ? q.group(1) : q.group(2)); parts++; }
        if (parts >= 2 && folded.matches("(?s).*(\\+|concat|combine|join|together|a ?\\+ ?b|then answer|put them).*")) out.add(cat.toString());
        return out;
    }

    private static String padB64(String t) {
        int r = t.length() % 4;
        return r == 0 ? t : r == 1 ? t.substring(0, t.length() - 1) : t + "=".repeat(4 - r);
    }

    /** The folded text plus every decoding, folded: what the bot "understands". */
    static String understand(String raw) {
        StringBuilder b = new StringBuilder(fold(raw));
        for (String d : decodings(raw)) b.append('\n').append(leet(fold(d))).append('\n').append(fold(d));
        return b.toString();
    }

    static final Pattern TOKEN = Pattern.compile(" ?\\p{L}+| ?\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+|\\s+");

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    static int countTokens(String s) {
        if (s == null) return 0;
        if (s.length() > 100_000) return s.length() / 4;
        int n = 0;
        Matcher m = TOKEN.matcher(s);
        while (m.find()) n++;
        return n;
    }

    /** The first {@code max} tokens of s. */
    static String truncateTokens(String s, int max) {
        Matcher m = TOKEN.matcher(s);
        int n = 0;
        while (m.find()) {
            if (++n > max) return s.substring(0, m.start());
        }
        return s;
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String htmlEscape(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }

    static int stableHash(String s) {
        int h = 0x5bd1e995;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x01000193;
        return h & 0x7fffffff;
    }

    static <T> T pick(String seed, List<T> options) {
        return options.get(stableHash(seed) % options.size());
    }

    private static final Pattern SENTENCE = Pattern.compile(".+?(?:[.!?]+[\"')]?(?=\\s|$)|$)");

    static String firstSentences(String s, int n, int maxChars) {
        String flat = s.replaceAll("\\s+", " ").trim();
        Matcher m = SENTENCE.matcher(flat);
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (m.find() && k < n) {
            b.append(m.group());
            k++;
        }
        String r = b.toString().trim();
        return r.length() > maxChars ? r.substring(0, maxChars).trim() + "..." : r;
    }

    static List<String> sentences(String s) {
        List<String> out = new ArrayList<>();
        for (String line : s.split("\\n")) {
            Matcher m = SENTENCE.matcher(line);
            while (m.find()) {
                String t = m.group().trim();
                if (!t.isEmpty()) out.add(t);
            }
        }
        return out;
    }

    /** Drops tags but keeps what a model reading the raw page would also read: comments, alt texts, hidden text. */
    static String visibleAndHidden(String html) {
        String s = html.replaceAll("(?s)<!--(.*?)-->", " $1 ");
        s = s.replaceAll("(?i)<[^>]*\\balt\\s*=\\s*\"([^\"]*)\"[^>]*>", " $1 ");
        s = s.replaceAll("(?i)<(script|style)[^>]*>(?s).*?</\\1>", " ");
        s = s.replaceAll("<[^>]{0,500}>", " ");
        return s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("[ \\t]+", " ");
    }

    // --- a tiny word-by-word "translator" (a careless model's translation is good enough for this bot) ---
    private static final Map<String, Map<String, String>> DICT = Map.of(
            "french", dict("the=le a=un and=et you=vous your=votre is=est are=sont to=à of=de for=pour with=avec please=s'il vous plaît "
                    + "hello=bonjour thank=merci thanks=merci yes=oui no=non invoice=facture invoices=factures receipt=reçu receipts=reçus "
                    + "tax=impôt meeting=réunion payment=paiement pay=payer we=nous our=notre will=allons send=envoyer by=d'ici "
                    + "friday=vendredi monday=lundi morning=matin good=bon day=jour account=compte client=client clients=clients "
                    + "office=bureau hours=heures open=ouvert closed=fermé i=je my=mon me=moi not=ne this=ce that=que"),
            "german", dict("the=die a=ein and=und you=Sie your=Ihr is=ist are=sind to=zu of=von for=für with=mit please=bitte "
                    + "hello=hallo thank=danke thanks=danke yes=ja no=nein invoice=Rechnung invoices=Rechnungen receipt=Beleg receipts=Belege "
                    + "tax=Steuer meeting=Termin payment=Zahlung pay=zahlen we=wir our=unser will=werden send=senden by=bis "
                    + "friday=Freitag monday=Montag morning=Morgen good=gut day=Tag account=Konto client=Kunde clients=Kunden "
                    + "office=Büro hours=Zeiten open=geöffnet closed=geschlossen i=ich my=mein me=mich not=nicht this=dies that=dass"),
            "spanish", dict("the=el a=un and=y you=usted your=su is=es are=son to=a of=de for=para with=con please=por favor "
                    + "hello=hola thank=gracias thanks=gracias yes=sí no=no invoice=factura invoices=facturas receipt=recibo receipts=recibos "
                    + "tax=impuesto meeting=reunión payment=pago pay=pagar we=nosotros our=nuestro will=vamos send=enviar by=antes "
                    + "friday=viernes monday=lunes morning=mañana good=buen day=día account=cuenta client=cliente clients=clientes "
                    + "office=oficina hours=horario open=abierto closed=cerrado i=yo my=mi me=me not=no this=esto that=que"));

    private static Map<String, String> dict(String spec) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String kv : spec.split(" (?=[a-z]+=)")) {
            int i = kv.indexOf('=');
            m.put(kv.substring(0, i), kv.substring(i + 1));
        }
        return m;
    }

    static final Pattern LANGUAGE = re("\\b(french|german|spanish|italian|dutch|portuguese|swedish|polish|japanese|chinese|russian|arabic|hindi|turkish|latin|klingon|pig latin)\\b|auf deutsch|en fran[cç]ais|en espa[nñ]ol|fran[cç]ais|deutsch|espa[nñ]ol");

    static String language(String text) {
        Matcher m = LANGUAGE.matcher(text);
        if (!m.find()) return null;
        String g = fold(m.group());
        if (g.contains("deutsch")) return "german";
        if (g.contains("fran")) return "french";
        if (g.contains("espa")) return "spanish";
        return g;
    }

    static String translate(String text, String lang) {
        Map<String, String> d = DICT.get(lang);
        if (d == null) return text;
        Matcher m = Pattern.compile("\\p{L}+|[^\\p{L}]+").matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String t = d.get(w.toLowerCase(Locale.ROOT));
            if (t == null) b.append(w);
            else b.append(Character.isUpperCase(w.charAt(0)) ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
        }
        return b.toString();
    }

    static String spaced(String s, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0) b.append(sep);
            b.append(s.charAt(i));
        }
        return b.toString();
    }
}
