package dev.bulwark.detect.injection;

/**
 * Decides, before the sentence model runs, whether it needs to read a text at all. Gates run cheapest first; a text
 * any gate clears skips the model and is judged by the rules alone. Each gate's threshold is set on out-of-fold
 * predictions so that it still sends at least 99.9 % of the train side's injections on whose verdict the model
 * decides: those no rule flags on its own (flagged either way) and the head catches (one it misses loses nothing by
 * skipping it), so the gates leave the combined recall as it was (docs/accuracy.md).
 */
public sealed interface ModelGate permits Triage, EncoderScreen {
    /** Whether the sentence model should read this classifier input. */
    boolean modelNeeded(String classifierInput);
}
