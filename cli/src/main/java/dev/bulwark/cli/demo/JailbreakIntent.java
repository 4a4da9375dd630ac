package dev.bulwark.cli.demo;

import java.util.regex.Pattern;

/**
 * Recognises the usual jailbreak framings on folded text: role-play ("let's play", "pretend to be", "stay in
 * character", a story that quotes an AI), personas ("developer mode", DAN, "no restrictions"), refusal
 * suppression ("do not apologise", "never say"), prefix injection ("start your reply with"), payload splitting
 * (string variables joined with +) and many-shot transcripts (many "User:/Assistant:" lines).
 */
final class JailbreakIntent {
    private static final Pattern FRAMING = Pattern.compile("\\b(?:"
            + "let s (?:play|write|pretend)|pretend (?:to be|you are|that you)|role ?play|stay(?:ing)? in character"
            + "|never breaks? character|act as|you play|play the role|write (?:a|an) (?:very )?(?:short )?(?:story"
            + "|script|scene|play)|story in which|as my (?:late )?grandmother|my late grandmother"
            + "|developer mode|dev mode|do anything now|no topic (?:limits|restrictions)|without topic restrictions"
            + "|no restrictions|unrestricted|jailbreak|jailbroken|unfiltered|answer as \\p{L}+"
            + "|do not apologi[sz]e|never apologi[sz]e|do not refuse|never refuse|never say|do not add any (?:note"
            + "|disclaimer)|do not (?:change the subject|explain your limits|mention what you)"
            + "|(?:start|begin) your (?:reply|response|answer) with|begin your answer with"
            + "|let [a-z] [a-z] |request x y z|do what z says|carry out the request it builds"
            + ")\\b");
    private static final Pattern TRANSCRIPT_LINE = Pattern.compile("(?m)^(?:User|Assistant|Human|AI):");
    private static final int MANY_SHOTS = 6;

    private JailbreakIntent() {
    }

    /** True when the message wraps its request in a jailbreak framing. */
    static boolean framed(Question q) {
        if (FRAMING.matcher(q.folded()).find()) return true;
        if (!OffTopicTask.resolved(q.text()).equals(q.text())) return true;
        return TRANSCRIPT_LINE.matcher(q.text()).results().limit(MANY_SHOTS).count() >= MANY_SHOTS;
    }
}
