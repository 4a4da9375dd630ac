package dev.bulwark.data.scan;

import java.util.List;

/**
 * Signs that labelled training data was tampered with (or is badly labelled): rows that are the same text after
 * normalisation but carry different labels, and tokens that almost only ever appear with one label although that
 * label is not common (a backdoor trigger looks like this). Indicators, not proof: a human reads them.
 *
 * @param labelColumn   the label column read
 * @param rows          rows read
 * @param labels        distinct labels seen
 * @param conflicts     near-duplicate groups with conflicting labels (the first {@link LabelConflicts#SHOWN})
 * @param conflictCount how many such groups there are in all
 * @param triggers      over-represented tokens, strongest first
 * @param notes         limits reached or checks skipped, in plain words
 */
public record PoisoningIndicators(String labelColumn, long rows, int labels, List<Conflict> conflicts,
                                  long conflictCount, List<Trigger> triggers, List<String> notes) {
    public PoisoningIndicators {
        conflicts = List.copyOf(conflicts);
        triggers = List.copyOf(triggers);
        notes = List.copyOf(notes);
    }

    /** Rows whose normalised text is the same, with their labels; {@code text} is redacted and cut short. */
    public record Conflict(List<Long> rows, List<String> labels, String text) {
        public Conflict {
            rows = List.copyOf(rows);
            labels = List.copyOf(labels);
        }
    }

    /**
     * A token in {@code rows} rows, {@code purity} of them labelled {@code label}, a label only {@code labelShare}
     * of all rows carry; {@code token} is masked when it is itself personal data or a secret.
     */
    public record Trigger(String token, String label, long rows, double purity, double labelShare) {
    }

    public boolean any() {
        return conflictCount > 0 || !triggers.isEmpty();
    }
}
