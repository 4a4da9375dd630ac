package dev.bulwark.data.anon;

/** Categories: codes are leaf numbers of a {@link Hierarchy}; a partition generalizes to its lowest common node. */
record CategoricalDimension(String column, int[] codes, Hierarchy hierarchy) implements Dimension {

    @Override
    public QuasiType type() {
        return QuasiType.CATEGORICAL;
    }

    @Override
    public int size() {
        return hierarchy.leaves();
    }

    @Override
    public double width(int lo, int hi) {
        return loss(lo, hi);
    }

    @Override
    public boolean canCut(int lo, int hi, int a, int b) {
        return hierarchy.separates(lo, hi, a, b);
    }

    @Override
    public String label(int lo, int hi) {
        return hierarchy.label(hierarchy.lca(lo, hi));
    }

    @Override
    public double loss(int lo, int hi) {
        return lo == hi ? 0 : (double) hierarchy.size(hierarchy.lca(lo, hi)) / hierarchy.leaves();
    }
}
