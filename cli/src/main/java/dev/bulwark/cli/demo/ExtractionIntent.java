package dev.bulwark.cli.demo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises requests for the assistant's own instructions: a disclosure verb (repeat, print, reveal, translate,
 * summarise, "what are", French/German/Spanish equivalents) followed by an object that names the prompt ("your
 * instructions", "the system prompt", "the text above"). Runs on {@link Text#fold folded} text, so case, accents
 * and punctuation do not matter; every pattern is a plain alternation over bounded input.
 */
final class ExtractionIntent {
    /** Which copy of the prompt the request asks for. */
    enum Form { VERBATIM, FRENCH, SUMMARY }

    private static final String ADJ_WORD = " (?:system|initial|original|hidden|secret|developer|previous|preceding"
            + "|above|first|full|exact|entire|complete|internal|confidential|whole|starting|real|actual)";
    private static final String ADJ = "(?:" + ADJ_WORD + ")*";
    private static final String NOUN = " (?:prompt|prompts|instructions|instruction|system message|initial message"
            + "|configuration|config|preamble|directives|rules|guidelines)\\b";

    private static final Pattern VERB = Pattern.compile("\\b(?:"
            + "repeat|print|reveal|show|display|output|tell|give|what|whats|translate|summari[sz]e|summary|tldr|tl dr"
            + "|write|dump|spell|recite|list|copy|echo|share|disclose|leak|expose|paste|read|continue|complete"
            + "|need|want|fill|export|reproduce|check|quote"
            + "|repete|repetez|repeter|affiche|affichez|montre|montrez|revele|revelez|traduis|traduisez|traduire"
            + "|resume|resumez|donne|donnez|quelles|quel|ecris|ecrivez|recopie|dis|dites"
            + "|wiederhole|wiederholen|zeige|zeig|gib|ubersetze|fasse|was"
            + "|repite|muestra|traduce|dime|cuales|cual|escribe"
            + "|ripeti|mostra|traduci|repita|mostre)\\b");

    private static final Pattern OBJECT = Pattern.compile(
            "\\b(?:your|ur|yer|molly s|all your|all of your|those|these)" + ADJ + NOUN
                    + "|\\bthe(?:" + ADJ_WORD + ")+" + NOUN
                    + "|\\b(?:system|initial|hidden) prompt\\b|\\bsystem message\\b"
                    + "|\\b(?:text|words|message|messages|everything|content|lines|line|stuff|instructions)"
                    + " (?:above|before this|before that|so far|preceding)\\b"
                    + "|\\babove (?:text|instructions|message)\\b"
                    + "|\\b(?:rule|rules|instructions|guidelines) you (?:were|have been) given\\b"
                    + "|\\b(?:top|beginning|start) of (?:this|the) (?:conversation|chat)\\b"
                    // French
                    + "|\\b(?:tes|vos|ton|votre|les|ses)(?: premieres)? (?:instructions|consignes|regles|directives"
                    + "|prompt)\\b|\\b(?:prompt|message) systeme\\b|\\btexte ci dessus\\b|\\bce qui precede\\b"
                    // German
                    + "|\\b(?:deine|ihre|die|alle)(?: \\p{L}+)? (?:anweisungen|instruktionen|vorgaben|systemprompt)\\b"
                    + "|\\bsystemprompt\\b|\\btext oben\\b|\\bobigen text\\b"
                    // Spanish
                    + "|\\b(?:tus|sus|las)(?: \\p{L}+)? (?:instrucciones|reglas)\\b|\\bprompt del? sistema\\b"
                    + "|\\btexto anterior\\b"
                    // Italian, Portuguese
                    + "|\\bprompt (?:di|de|do) sistema\\b|\\b(?:tue|sue|le) istruzioni\\b"
                    + "|\\bwere you told before\\b");

    private static final Pattern SUMMARY = Pattern.compile(
            "\\b(?:summari[sz]e|summary|tldr|tl dr|in short|resume|resumez|resumen|fasse|zusammen)\\b");
    private static final Pattern FRENCH = Pattern.compile(
            "\\b(?:translate|traduis|traduisez|traduire|traduce|ubersetze|french|francais|repete|repetez|affiche"
                    + "|affichez|montre|montrez|revele|revelez|donne|donnez|quelles|tes|vos|consignes)\\b");

    private ExtractionIntent() {
    }

    /**
     * The copy of the prompt {@code folded} asks for, if it asks for the prompt at all. Callers pass the text with
     * override cues removed, so "ignore your previous instructions" is not read as a request for them.
     */
    static Optional<Form> detect(String folded) {
        Matcher verb = VERB.matcher(folded);
        if (!verb.find()) return Optional.empty();
        if (!OBJECT.matcher(folded).find(verb.start())) return Optional.empty();
        if (SUMMARY.matcher(folded).find()) return Optional.of(Form.SUMMARY);
        if (FRENCH.matcher(folded).find()) return Optional.of(Form.FRENCH);
        return Optional.of(Form.VERBATIM);
    }
}
