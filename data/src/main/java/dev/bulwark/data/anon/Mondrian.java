package dev.bulwark.data.anon;

import java.util.Arrays;

/**
 * Strict Mondrian multidimensional partitioning (LeFevre, DeWitt, Ramakrishnan, ICDE 2006), top-down: a partition
 * is cut on the dimension with the widest normalized range, at the allowed cut nearest its median, and only when
 * both halves keep at least k rows and, with l &gt; 1, at least l distinct sensitive values; when no dimension can be
 * cut the partition is an equivalence class. The whole table starts as one partition satisfying both, and every cut
 * keeps them, so every row ends in a class of at least k rows with at least l sensitive values: nothing needs to be
 * suppressed. Strict: one code never lands on both sides of a cut.
 */
final class Mondrian {
    private final Dimension[] dims;
    private final int[][] codes;
    private final int[] sensitive;
    private final int k;
    private final int l;
    private final int[] rows;
    private final int[] classOf;
    private final IntList boxes = new IntList();
    private int classes;
    private int[] histogram = new int[1024];
    private int[] sortBuffer = new int[0];
    private final int[] seenLeft;
    private final int[] seenRight;
    private int stamp;

    private Mondrian(Dimension[] dims, int[] sensitive, int sensitiveValues, int k, int l) {
        this.dims = dims;
        this.codes = new int[dims.length][];
        for (int d = 0; d < dims.length; d++) codes[d] = dims[d].codes();
        this.sensitive = sensitive;
        this.k = k;
        this.l = l;
        int n = codes.length == 0 ? sensitive.length : codes[0].length;
        this.rows = new int[n];
        for (int r = 0; r < n; r++) rows[r] = r;
        this.classOf = new int[n];
        this.seenLeft = new int[l > 1 ? sensitiveValues : 0];
        this.seenRight = new int[l > 1 ? sensitiveValues : 0];
    }

    /**
     * Partitions all rows. {@code sensitive} holds a code per row (-1 = missing, not counted towards l); the caller
     * has checked that the table has at least k rows and l distinct sensitive values.
     */
    static Partitioning partition(Dimension[] dims, int[] sensitive, int sensitiveValues, int k, int l) {
        var mondrian = new Mondrian(dims, sensitive, sensitiveValues, k, l);
        mondrian.run();
        return new Partitioning(mondrian.classOf, mondrian.classes, dims.length, mondrian.boxes.toArray());
    }

    private void run() {
        int d = dims.length;
        var stack = new IntList();
        stack.add(0);
        stack.add(rows.length);
        int[] lo = new int[d];
        int[] hi = new int[d];
        Integer[] order = new Integer[d];
        double[] width = new double[d];
        while (stack.size() > 0) {
            int to = stack.pop();
            int from = stack.pop();
            bounds(from, to, lo, hi);
            for (int i = 0; i < d; i++) {
                order[i] = i;
                width[i] = lo[i] < hi[i] ? dims[i].width(lo[i], hi[i]) : -1;
            }
            Arrays.sort(order, (x, y) -> Double.compare(width[y], width[x]));
            boolean cut = false;
            for (int i = 0; i < d && !cut; i++) {
                int dim = order[i];
                if (lo[dim] == hi[dim]) break;
                int at = bestCut(dim, from, to, lo[dim], hi[dim]);
                if (at < 0 || !diverse(dim, from, to, at)) continue;
                int middle = split(dim, from, to, at);
                stack.add(from);
                stack.add(middle);
                stack.add(middle);
                stack.add(to);
                cut = true;
            }
            if (!cut) close(from, to, lo, hi);
        }
    }

    private void bounds(int from, int to, int[] lo, int[] hi) {
        for (int d = 0; d < dims.length; d++) {
            int[] c = codes[d];
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = from; i < to; i++) {
                int v = c[rows[i]];
                if (v < min) min = v;
                if (v > max) max = v;
            }
            lo[d] = min;
            hi[d] = max;
        }
    }

    /** The code a to cut after (left: codes &lt;= a) nearest the median with k rows each side, or -1. */
    private int bestCut(int dim, int from, int to, int lo, int hi) {
        int m = to - from;
        int[] c = codes[dim];
        Dimension dimension = dims[dim];
        int best = -1;
        long bestScore = Long.MAX_VALUE;
        int left = 0;
        int previous = -1;
        if ((long) hi - lo + 1 <= 4L * m + 64) {
            int range = hi - lo + 1;
            if (histogram.length < range) histogram = new int[Math.max(range, histogram.length * 2)];
            Arrays.fill(histogram, 0, range, 0);
            for (int i = from; i < to; i++) histogram[c[rows[i]] - lo]++;
            for (int v = 0; v < range; v++) {
                if (histogram[v] == 0) continue;
                if (previous >= 0) {
                    long score = Math.abs(2L * left - m);
                    if (score < bestScore && left >= k && m - left >= k && dimension.canCut(lo, hi, previous, v + lo)) {
                        bestScore = score;
                        best = previous;
                    }
                }
                left += histogram[v];
                previous = v + lo;
            }
        } else {
            if (sortBuffer.length < m) sortBuffer = new int[Math.max(m, sortBuffer.length * 2)];
            for (int i = from; i < to; i++) sortBuffer[i - from] = c[rows[i]];
            Arrays.sort(sortBuffer, 0, m);
            for (int i = 0; i < m; ) {
                int v = sortBuffer[i];
                int j = i;
                while (j < m && sortBuffer[j] == v) j++;
                if (previous >= 0) {
                    long score = Math.abs(2L * left - m);
                    if (score < bestScore && left >= k && m - left >= k && dimension.canCut(lo, hi, previous, v)) {
                        bestScore = score;
                        best = previous;
                    }
                }
                left += j - i;
                previous = v;
                i = j;
            }
        }
        return best;
    }

    /** With l &gt; 1: whether both sides of the cut keep l distinct (non-missing) sensitive values. */
    private boolean diverse(int dim, int from, int to, int at) {
        if (l <= 1) return true;
        stamp++;
        int[] c = codes[dim];
        int leftCount = 0;
        int rightCount = 0;
        for (int i = from; i < to && (leftCount < l || rightCount < l); i++) {
            int r = rows[i];
            int s = sensitive[r];
            if (s < 0) continue;
            if (c[r] <= at) {
                if (seenLeft[s] != stamp) {
                    seenLeft[s] = stamp;
                    leftCount++;
                }
            } else if (seenRight[s] != stamp) {
                seenRight[s] = stamp;
                rightCount++;
            }
        }
        return leftCount >= l && rightCount >= l;
    }

    /** Moves rows with codes &lt;= at to the front; returns where the right half starts. */
    private int split(int dim, int from, int to, int at) {
        int[] c = codes[dim];
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (c[rows[i]] <= at) i++;
            else {
                int t = rows[i];
                rows[i] = rows[j];
                rows[j--] = t;
            }
        }
        return i;
    }

    private void close(int from, int to, int[] lo, int[] hi) {
        int id = classes++;
        for (int i = from; i < to; i++) classOf[rows[i]] = id;
        for (int d = 0; d < dims.length; d++) {
            boxes.add(lo[d]);
            boxes.add(hi[d]);
        }
    }

    /** Equivalence classes: the class of every row and each class's code box (lo, hi per dimension). */
    record Partitioning(int[] classOf, int classes, int dimensions, int[] boxes) {
        int lo(int cls, int dim) {
            return boxes[(cls * dimensions + dim) * 2];
        }

        int hi(int cls, int dim) {
            return boxes[(cls * dimensions + dim) * 2 + 1];
        }
    }

    /** A growable int array (stack and box store). */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int pop() {
            return values[--size];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
