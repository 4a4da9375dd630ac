package dev.bulwark.supply.deps;

import java.util.Locale;
import java.util.Map;

/**
 * Conda packages have no advisory feed of their own; most AI/ML ones are the PyPI package under the same name.
 * This maps the few whose conda name differs, so a conda environment is checked against PyPI advisories.
 */
public final class CondaNames {
    private static final Map<String, String> TO_PYPI = Map.of(
            "pytorch", "torch",
            "pytorch-cpu", "torch",
            "pytorch-gpu", "torch",
            "py-xgboost", "xgboost",
            "py-lightgbm", "lightgbm",
            "tensorflow-base", "tensorflow",
            "llama-cpp-python", "llama-cpp-python",
            "py-opencv", "opencv-python");

    private CondaNames() {
    }

    /** The PyPI name of a conda package. */
    public static String pypiName(String condaName) {
        String n = condaName.toLowerCase(Locale.ROOT);
        return TO_PYPI.getOrDefault(n, n);
    }

    /** The dependency as a PyPI one when it comes from conda; other ecosystems unchanged. */
    public static Dependency asPypi(Dependency d) {
        if (d.ecosystem() != Ecosystem.CONDA) return d;
        return new Dependency(Ecosystem.PYPI, pypiName(d.name()), d.version(), d.specifier(), d.hashes(), d.source(),
                d.direct(), d.origin());
    }
}
