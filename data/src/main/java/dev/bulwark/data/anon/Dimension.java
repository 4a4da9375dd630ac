package dev.bulwark.data.anon;

/**
 * One quasi-identifier column encoded for partitioning: every row holds a code (0..size-1) whose order is the
 * column's generalization order, so a partition is a box of code intervals [lo, hi], one per dimension.
 */
sealed interface Dimension permits OrderedDimension, CategoricalDimension {
    /** The column this dimension encodes. */
    String column();

    /** How it generalizes. */
    QuasiType type();

    /** The code of every row, in row order. */
    int[] codes();

    /** Number of codes. */
    int size();

    /** Extent of [lo, hi] relative to the whole column, 0 (one value) to 1: Mondrian splits the widest dimension. */
    double width(int lo, int hi);

    /** Whether a partition [lo, hi] may be cut between present codes a &lt; b (categories: only along the tree). */
    boolean canCut(int lo, int hi, int a, int b);

    /** The generalized value every row of a partition [lo, hi] gets; null keeps a missing value missing. */
    String label(int lo, int hi);

    /** Normalized certainty penalty of {@link #label}: 0 for the value itself, 1 for "*". */
    double loss(int lo, int hi);
}
