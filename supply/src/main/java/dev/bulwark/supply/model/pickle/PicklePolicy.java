package dev.bulwark.supply.model.pickle;

import dev.bulwark.core.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rates what a pickle imports. The denylist (graded critical/high) and the allowlist are bundled resources with a
 * note per entry; the longest matching rule wins and a deny rule beats an allow rule of the same length. Names on
 * neither list are suspicious (medium), raised to high when they come from the Python standard library (where
 * gadget chains live: profile.run, idlelib, lib2to3, ...) or are named like an action (run*, exec*, system, load*).
 */
public final class PicklePolicy {
    /** The rating of one imported name. */
    public sealed interface Verdict {
        /** On the allowlist: rebuilds data only. */
        record Allowed(String why) implements Verdict {
        }

        /** Neither known good nor known bad. */
        record Suspicious(String why) implements Verdict {
        }

        /** Known or inferred to run code or reach the system when the pickle is loaded. */
        record Dangerous(Severity severity, String effect) implements Verdict {
        }
    }

    private static final PicklePolicy STANDARD = new PicklePolicy(
            CallableList.load("pickle-denylist.txt", true), CallableList.load("pickle-allowlist.txt", false),
            stdlibModules());

    /** Module spellings that reach the same code: older Python names, C accelerators, vendored copies. */
    private static final List<Map.Entry<String, String>> ALIASES = List.of(
            Map.entry("__builtin__", "builtins"), Map.entry("exceptions", "builtins"), Map.entry("posix", "os"),
            Map.entry("nt", "os"), Map.entry("_operator", "operator"), Map.entry("_pickle", "pickle"),
            Map.entry("cPickle", "pickle"), Map.entry("copy_reg", "copyreg"), Map.entry("_io", "io"),
            Map.entry("_functools", "functools"), Map.entry("httplib", "http.client"),
            Map.entry("numpy._core", "numpy.core"), Map.entry("sklearn.externals.joblib", "joblib"),
            Map.entry("_collections", "collections"), Map.entry("_datetime", "datetime"),
            Map.entry("_pydecimal", "decimal"), Map.entry("_decimal", "decimal"));

    /**
     * Python 2 names that protocols 0–2 still write and Python 3's unpickler renames (its _compat_pickle name
     * mapping), after the module aliases above: the same objects as their Python 3 names, so judged as those.
     */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("builtins.xrange", "builtins.range"), Map.entry("builtins.unicode", "builtins.str"),
            Map.entry("builtins.basestring", "builtins.str"), Map.entry("builtins.long", "builtins.int"),
            Map.entry("builtins.unichr", "builtins.chr"), Map.entry("builtins.reduce", "functools.reduce"),
            Map.entry("builtins.intern", "sys.intern"), Map.entry("builtins.StandardError", "builtins.Exception"),
            Map.entry("itertools.izip", "builtins.zip"), Map.entry("itertools.imap", "builtins.map"),
            Map.entry("itertools.ifilter", "builtins.filter"),
            Map.entry("itertools.ifilterfalse", "itertools.filterfalse"),
            Map.entry("itertools.izip_longest", "itertools.zip_longest"),
            Map.entry("UserDict.IterableUserDict", "collections.UserDict"),
            Map.entry("UserDict.UserDict", "collections.UserDict"), Map.entry("UserList.UserList", "collections.UserList"),
            Map.entry("UserString.UserString", "collections.UserString"));

    private static final Pattern ACTION_NAME = Pattern.compile(
            "_*(system|popen\\w*|exec\\w*|eval\\w*|spawn\\w*|run\\w*|call|check_call|check_output|getoutput|"
                    + "getstatusoutput|loads?|load_\\w+|unpickle\\w*|compile\\w*|import\\w*|open|urlopen|fork\\w*|"
                    + "kill|remove|rmtree|unlink|write\\w*|pipe\\w*|pager|interact|shell\\w*|command\\w*|"
                    + "\\w*subprocess\\w*|start|debug\\w*|getattr|setattr|delattr|resolve\\w*|locate|evaluate\\w*|"
                    + "execute\\w*|invoke\\w*|apply)");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private final CallableList deny;
    private final CallableList allow;
    private final Set<String> stdlib;

    private PicklePolicy(CallableList deny, CallableList allow, Set<String> stdlib) {
        this.deny = deny;
        this.allow = allow;
        this.stdlib = stdlib;
    }

    public static PicklePolicy standard() {
        return STANDARD;
    }

    /** {@code module} with aliases applied: "posix" becomes "os", "joblib.externals.cloudpickle.x" "cloudpickle.x". */
    static String canonicalModule(String module) {
        int vendored = (module + ".").indexOf(".cloudpickle.");
        if (vendored >= 0) module = module.substring(vendored + 1);
        for (Map.Entry<String, String> alias : ALIASES) {
            String from = alias.getKey();
            if (module.equals(from) || module.startsWith(from + ".")) return alias.getValue() + module.substring(from.length());
        }
        return module;
    }

    public Verdict classify(String module, String name) {
        String full = RENAMED.getOrDefault(canonicalModule(module) + "." + name, canonicalModule(module) + "." + name);
        module = full.substring(0, full.lastIndexOf('.'));
        CallableList.Entry denied = deny.exact(full);
        if (denied != null) return new Verdict.Dangerous(denied.severity(), denied.note());
        CallableList.Entry allowed = allow.exact(full);
        if (allowed != null) return new Verdict.Allowed(allowed.note());
        denied = deny.longestPrefix(full);
        allowed = allow.longestPrefix(full);
        if (denied != null && (allowed == null || denied.pattern().length() >= allowed.pattern().length())) {
            return new Verdict.Dangerous(denied.severity(), denied.note());
        }
        if (allowed != null) return new Verdict.Allowed(allowed.note());
        return unlisted(full, module);
    }

    private Verdict unlisted(String full, String module) {
        String last = full.substring(full.lastIndexOf('.') + 1);
        if (ACTION_NAME.matcher(last).matches()) {
            return new Verdict.Dangerous(Severity.HIGH, "an unlisted callable named like an action ('" + last
                    + "'), which gadget chains use to run code or reach the system");
        }
        String top = canonicalModule(module).split("\\.", 2)[0];
        if (stdlib.contains(top)) {
            return new Verdict.Dangerous(Severity.HIGH, "a standard-library object no model checkpoint needs; the"
                    + " standard library is where pickle gadget chains come from");
        }
        // scikit-learn estimators are classes whose constructors only store parameters
        String canonical = canonicalModule(module);
        if (canonical.startsWith("sklearn.") && !canonical.startsWith("sklearn.externals")
                && !canonical.contains("._testing") && CLASS_NAME.matcher(full.substring(canonical.length() + 1)).matches()) {
            return new Verdict.Allowed("scikit-learn estimator class");
        }
        return new Verdict.Suspicious("not on the allowlist of what model checkpoints import");
    }

    private static Set<String> stdlibModules() {
        Set<String> names = new HashSet<>();
        try (InputStream in = PicklePolicy.class.getResourceAsStream("python-stdlib-modules.txt")) {
            if (in == null) throw new IllegalStateException("missing bundled python-stdlib-modules.txt");
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
