package dev.bulwark.bench.injection;

import java.util.Locale;

/** Confusion counts for one slice and one detector variant. */
final class Metrics {
    private int tp;
    private int fp;
    private int tn;
    private int fn;

    void add(boolean injection, boolean flagged) {
        if (injection && flagged) tp++;
        else if (injection) fn++;
        else if (flagged) fp++;
        else tn++;
    }

    int positives() {
        return tp + fn;
    }

    int negatives() {
        return fp + tn;
    }

    double recall() {
        return positives() == 0 ? Double.NaN : tp / (double) positives();
    }

    double fpr() {
        return negatives() == 0 ? Double.NaN : fp / (double) negatives();
    }

    double precision() {
        return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    String row() {
        return String.format(Locale.ROOT, "%d | %d | %s | %s | %s", positives(), negatives(), fmt(precision()),
                fmt(recall()), fmt(fpr()));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
