package dev.bulwark.data.dp;

/** The ledger refused a query: it would take the dataset past its budget. Nothing was spent or computed. */
public final class BudgetExceededException extends RuntimeException {
    private final PrivacyAmount requested;
    private final PrivacyAmount left;
    private final PrivacyAmount budget;

    public BudgetExceededException(DatasetId dataset, PrivacyAmount requested, PrivacyAmount left, PrivacyAmount budget) {
        super("refused: the query needs " + requested + " but only " + left + " is left of the budget (" + budget
                + ") for " + dataset.path() + " (sha256 " + dataset.sha256().substring(0, 12) + "…); nothing was "
                + "released or spent");
        this.requested = requested;
        this.left = left;
        this.budget = budget;
    }

    public PrivacyAmount requested() {
        return requested;
    }

    public PrivacyAmount left() {
        return left;
    }

    public PrivacyAmount budget() {
        return budget;
    }
}
