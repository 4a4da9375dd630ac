package dev.bulwark.supply.model.formats;

import java.util.List;
import java.util.Set;

/**
 * Which Python modules a Keras config may name. Keras 3 imports a config's {@code module} and takes
 * {@code class_name} (or, for functions, {@code config}) from it; before the CVE-2025-1550 fix it would import any
 * module, so a config naming {@code os} / {@code system} ran a command on load.
 */
final class KerasModules {
    /** Keras itself (both packagings) and the Keras team's model libraries. */
    private static final List<String> ALLOWED_ROOTS = List.of("keras", "tensorflow.keras", "tensorflow.python.keras",
            "tf_keras", "keras_hub", "keras_nlp", "keras_cv");

    /** Modules that reach the operating system, the interpreter or the network. */
    private static final Set<String> DANGEROUS_ROOTS = Set.of("os", "posix", "nt", "subprocess", "builtins",
            "__builtin__", "__builtins__", "sys", "shutil", "socket", "importlib", "runpy", "pty", "code", "codeop",
            "pickle", "_pickle", "marshal", "ctypes", "webbrowser", "commands", "multiprocessing", "asyncio", "requests",
            "urllib", "urllib2", "httplib", "http", "ftplib", "telnetlib", "smtplib", "tempfile", "io", "pathlib",
            "glob", "pip", "setuptools", "distutils", "operator", "functools", "types", "inspect", "dill", "joblib",
            "torch", "numpy", "timeit", "bdb", "pdb", "cProfile", "profile", "trace", "threading", "signal");

    /** Functions inside Keras that fetch or load external content (CVE-2025-8747 used get_file). */
    private static final Set<String> DANGEROUS_KERAS_FUNCTIONS = Set.of("get_file", "load_model", "load_weights",
            "exec", "eval");

    enum Verdict { ALLOWED, DANGEROUS, UNKNOWN }

    private KerasModules() {
    }

    static Verdict classify(String module, String name) {
        String root = module.split("\\.", 2)[0];
        if (DANGEROUS_ROOTS.contains(root)) return Verdict.DANGEROUS;
        for (String allowed : ALLOWED_ROOTS) {
            if (module.equals(allowed) || module.startsWith(allowed + ".")) {
                return DANGEROUS_KERAS_FUNCTIONS.contains(name) ? Verdict.DANGEROUS : Verdict.ALLOWED;
            }
        }
        return Verdict.UNKNOWN;
    }
}
