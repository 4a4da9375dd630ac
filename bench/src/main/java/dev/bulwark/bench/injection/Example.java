package dev.bulwark.bench.injection;

import dev.bulwark.detect.injection.TextSource;

/**
 * One labelled text.
 *
 * @param text      the prompt as a model would receive it
 * @param injection the label
 * @param source    the data set (and, for ours, "bulwark-…")
 * @param group     near-duplicates share a group, and a group never straddles the train/test split
 * @param language  ISO 639-1 code
 * @param hardNegative a benign prompt written to contain trigger words
 */
record Example(String text, boolean injection, String source, String group, String language, boolean hardNegative) {
    /** The BIPIA e-mails, clean or carrying an attack, are content an application reads, not what a user typed. */
    TextSource textSource() {
        return source.startsWith("bipia") ? TextSource.DATA : TextSource.PROMPT;
    }
}
