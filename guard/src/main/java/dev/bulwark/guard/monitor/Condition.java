package dev.bulwark.guard.monitor;

/** What about a client's traffic looks like extraction or abuse; {@link #label()} is its name in alerts. */
public enum Condition {
    /** More requests in the window than {@code maxRequests}. */
    VOLUME("volume"),
    /** Too few distinct prompts for the number sent: scripted repetition. */
    LOW_DIVERSITY("low-diversity"),
    /** Many recent prompts vary an earlier one systematically: enumerations, template slots. */
    PROBING("probing");

    private final String label;

    Condition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
