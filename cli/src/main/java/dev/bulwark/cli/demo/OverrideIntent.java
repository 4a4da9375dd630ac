package dev.bulwark.cli.demo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises instruction-override cues ("ignore all previous instructions", "you are now", "developer mode",
 * "system override", and French, German, Spanish and Italian forms) and the directive that follows them ("say X",
 * "reply with X", "respond only with X", "output X", "print X"). The cue is matched on folded text; the payload
 * X is copied from the original text so its case and punctuation survive (a canary such as {@code BWK-1a2b3c4d}).
 */
final class OverrideIntent {
    private static final Pattern CUE = Pattern.compile(
            "\\b(?:ignore|disregard|forget|override|skip|bypass|drop)"
                    + "(?: (?:all|any|of|the|your|my|these|those|everything|that|what))*"
                    + "(?: (?:previous|prior|above|earlier|preceding|initial|original|system|old|existing|current"
                    + "|safety))*"
                    + " (?:instructions|instruction|prompts|prompt|rules|directions|guidelines|context|programming"
                    + "|messages|you were told|above|before)\\b"
                    + "|\\b(?:you are now|from now on you|developer mode|dev mode|dan mode|new instructions"
                    + "|new instruction|new rules|new rule|system override|admin override|jailbreak mode)\\b"
                    // "forget the translation; instead ...", "the earlier rules are suspended", "higher priority"
                    + "|\\b(?:forget|ignore|disregard|skip|drop) (?:the|that|this|my) \\p{L}+ instead\\b"
                    + "|\\b(?:rules|instructions|guidance|guidelines) (?:are|is) (?:suspended|void|cancelled|canceled"
                    + "|lifted|disabled|revoked)\\b"
                    + "|\\b(?:rules|instructions|guidance|guidelines) no longer appl(?:y|ies)\\b"
                    + "|\\bhigher priority than\\b"
                    // French
                    + "|\\b(?:ignore|ignorez|oublie|oubliez)(?: (?:toutes|tous))?(?: (?:les|tes|vos|ces))?"
                    + "(?: \\p{L}+)? (?:instructions|consignes|regles)\\b"
                    + "|\\b(?:nouvelles (?:instructions|consignes)|tu es maintenant|vous etes maintenant"
                    + "|mode developpeur)\\b"
                    // German
                    + "|\\b(?:ignoriere|ignorier|ignorieren sie|vergiss|vergessen sie)(?: alle)?(?: \\p{L}+)?"
                    + " (?:anweisungen|instruktionen|regeln|vorgaben)\\b"
                    + "|\\b(?:neue anweisungen|du bist jetzt|entwicklermodus)\\b"
                    // Spanish
                    + "|\\b(?:ignora|ignore|olvida|olvide)(?: todas)?(?: (?:las|tus|sus))?(?: \\p{L}+)?"
                    + " (?:instrucciones|reglas)\\b"
                    + "|\\b(?:nuevas instrucciones|ahora eres|modo desarrollador)\\b"
                    // Italian
                    + "|\\b(?:ignora|dimentica)(?: tutte)? le istruzioni\\b"
                    // Portuguese
                    + "|\\b(?:ignore|ignora|esqueca|esquece)(?: todas| tudo)?(?: (?:as|suas|tuas|os))*(?: \\p{L}+)?"
                    + " (?:instrucoes|regras)\\b");

    private static final String FILLER = "(?:[ \\t]+(?:only|just|exactly|simply|back|out|verbatim|uniquement"
            + "|seulement|nur|solo|apenas))*";
    /** Verbs that take their payload directly ("say X") or through a preposition ("reply with X"). */
    private static final Pattern DIRECTIVE = Pattern.compile("(?iu)(?:"
            + "\\b(?:reply|respond|answer|reponds|repondez|antworte|antworten|responde|contesta|rispondi|responda)"
            + FILLER + "[ \\t]+(?:with|using|avec|par|mit|con|com)\\b"
            + "|\\b(?:say|output|print|write|type|echo|repeat after me|dis|ecris|ecrivez|sag|sage|schreib|schreibe"
            + "|di|escribe)\\b" + FILLER + ")"
            + "(?:[ \\t]+(?:the|le|la|das|el))?(?:[ \\t]+(?:word|phrase|text|string|token|code|mot|texte|wort"
            + "|palabra|codigo))?[ \\t]*[:=\\-–]?[ \\t]*");
    private static final String OPEN_QUOTES = "\"'“‘«`";
    private static final String CLOSE_QUOTES = "\"'”’»`";
    private static final Pattern TRAILING_FILLER = Pattern.compile("(?iu)[ \\t]+(?:and nothing else|and nothing more"
            + "|only|verbatim|exactly|et rien d['’ ]autre|et rien de plus|und sonst nichts|y nada mas)[ \\t]*$");
    /** A code-like token (letters/digits joined by - or _, with at least one digit), e.g. BWK-1a2b3c4d. */
    private static final Pattern CODE = Pattern.compile(
            "\\b(?=[A-Za-z0-9_-]{0,80}\\d)[A-Za-z0-9]{1,40}(?:[-_][A-Za-z0-9]{1,40}){1,6}\\b");
    private static final int MAX_PAYLOAD = 200;

    private OverrideIntent() {
    }

    /** True when the folded text contains an override cue. */
    static boolean hasCue(String folded) {
        return CUE.matcher(folded).find();
    }

    /** The folded text with every override cue blanked out. */
    static String withoutCues(String folded) {
        return CUE.matcher(folded).replaceAll(" ");
    }

    /** "the code made of X and Y joined by a hyphen": a careless assistant assembles it, as it was told. */
    private static final Pattern ASSEMBLED = Pattern.compile(
            "(?iu)^(?:(?:the )?code )?made of ([A-Za-z0-9]{1,40}) and ([A-Za-z0-9]{1,40}) joined by a hyphen\\b");

    /** What the message tells the assistant to output, copied from the original text; empty if nothing. */
    static Optional<String> payload(String original) {
        String text = Text.unaccented(original);
        Matcher m = DIRECTIVE.matcher(text);
        while (m.find()) {
            String payload = payloadAt(text, m.end());
            if (payload.isEmpty()) continue;
            Matcher parts = ASSEMBLED.matcher(payload);
            return Optional.of(parts.find() ? parts.group(1) + "-" + parts.group(2) : payload);
        }
        return Optional.empty();
    }

    private static String payloadAt(String text, int start) {
        if (start < text.length() && OPEN_QUOTES.indexOf(text.charAt(start)) >= 0) {
            int end = start + 1;
            while (end < text.length() && end - start <= MAX_PAYLOAD && CLOSE_QUOTES.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return text.substring(start + 1, Math.min(end, text.length())).strip();
        }
        int end = start;
        while (end < text.length() && end - start < MAX_PAYLOAD && ".!?;\n\r".indexOf(text.charAt(end)) < 0) end++;
        String clause = TRAILING_FILLER.matcher(text.substring(start, end).strip()).replaceAll("");
        Matcher code = CODE.matcher(clause);
        return code.find() ? code.group() : clause.replaceAll("[\"'”’»`]+$", "").strip();
    }
}
