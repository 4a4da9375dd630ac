package dev.bulwark.cli.demo;

import java.util.List;

/**
 * What Molly is asked: the latest user message in its original and folded forms, whether it carries an override
 * cue, and whether an earlier message of the conversation did (an override "sticks" for later turns).
 */
record Question(String text, String folded, String foldedWithoutCues, boolean cue, boolean earlierCue,
                int earlierMessages) {

    /** A single message, as the website form sends it. */
    static Question of(String text) {
        return of(List.of(), text);
    }

    /** The latest message plus the earlier user/system messages the caller sent along. */
    static Question of(List<String> earlier, String latest) {
        String folded = Text.fold(latest);
        boolean earlierCue = earlier.stream().anyMatch(m -> OverrideIntent.hasCue(Text.fold(m)));
        return new Question(latest, folded, OverrideIntent.withoutCues(folded), OverrideIntent.hasCue(folded),
                earlierCue, earlier.size());
    }

    /** The same question as the assistant reads it: disguises undone, hidden and encoded text decoded. */
    Question revealed() {
        String plain = Disguise.reveal(text);
        if (plain.equals(text)) return this;
        String f = Text.fold(plain);
        return new Question(plain, f, OverrideIntent.withoutCues(f), OverrideIntent.hasCue(f), earlierCue,
                earlierMessages);
    }

    /** True when earlier turns came first: a conversation that has been warmed up. */
    boolean escalated() {
        return earlierMessages >= 2;
    }

    /** True when this message or an earlier one told the assistant to drop its instructions. */
    boolean overridden() {
        return cue || earlierCue;
    }
}
