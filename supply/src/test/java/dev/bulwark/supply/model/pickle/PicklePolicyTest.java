package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.pickle.PicklePolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PicklePolicyTest {
    private final PicklePolicy policy = PicklePolicy.standard();

    @ParameterizedTest
    @CsvSource({
        "collections, OrderedDict", "torch._utils, _rebuild_tensor_v2", "torch, FloatStorage", "torch, bfloat16",
        "numpy.core.multiarray, _reconstruct", "numpy._core.multiarray, _reconstruct", "numpy, dtype",
        "_codecs, encode", "__builtin__, set", "copy_reg, _reconstructor", "joblib.numpy_pickle, NumpyArrayWrapper",
        "sklearn.externals.joblib.numpy_pickle, NumpyArrayWrapper", "torch.nn.modules.linear, Linear",
        "sklearn.linear_model._logistic, LogisticRegression", "__builtin__, xrange", "__builtin__, unicode",
        "decimal, Decimal", "fractions, Fraction", "uuid, UUID", "datetime, datetime", "collections, Counter"})
    void checkpointCallablesAreAllowed(String module, String name) {
        assertThat(policy.classify(module, name)).isInstanceOf(Verdict.Allowed.class);
    }

    @ParameterizedTest
    @CsvSource({
        "os, system, CRITICAL", "posix, system, CRITICAL", "nt, system, CRITICAL", "builtins, eval, CRITICAL",
        "__builtin__, exec, CRITICAL", "subprocess, check_output, CRITICAL", "_pickle, loads, CRITICAL",
        "cPickle, loads, CRITICAL", "pip, main, CRITICAL", "torch.serialization, load, CRITICAL",
        "joblib.externals.cloudpickle.cloudpickle, _make_function, CRITICAL", "dill._dill, _create_function, CRITICAL",
        "asyncio.unix_events, _UnixSubprocessTransport._start, CRITICAL", "os, remove, HIGH",
        "_operator, attrgetter, HIGH", "builtins, getattr, HIGH", "socket, create_connection, HIGH",
        "webbrowser, open, HIGH", "numpy, load, HIGH"})
    void knownDangerousCallablesAreGraded(String module, String name, Severity severity) {
        assertThat(policy.classify(module, name)).isEqualTo(
                new Verdict.Dangerous(severity, ((Verdict.Dangerous) policy.classify(module, name)).effect()));
    }

    @Test
    void exactRulesBeatPrefixesAndLongerPrefixesBeatShorter() {
        // copyreg.* is denied, copyreg._reconstructor is allowed by an exact entry
        assertThat(policy.classify("copyreg", "_reconstructor")).isInstanceOf(Verdict.Allowed.class);
        assertThat(policy.classify("copyreg", "add_extension")).isInstanceOf(Verdict.Dangerous.class);
        // asyncio.* is high, asyncio.subprocess.* critical
        assertThat(((Verdict.Dangerous) policy.classify("asyncio.subprocess", "create_subprocess_exec")).severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(((Verdict.Dangerous) policy.classify("asyncio.events", "get_event_loop")).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void unlistedStandardLibraryAndActionNamesAreHigh() {
        assertThat(policy.classify("lib2to3.pgen2.pgen", "ParserGenerator.make_label"))
                .isEqualTo(new Verdict.Dangerous(Severity.HIGH, ((Verdict.Dangerous) policy
                        .classify("lib2to3.pgen2.pgen", "ParserGenerator.make_label")).effect()));
        assertThat(policy.classify("xml.dom.minidom", "Node")).isInstanceOf(Verdict.Dangerous.class);
        assertThat(policy.classify("somepkg.tools", "run_script")).isInstanceOf(Verdict.Dangerous.class);
    }

    @Test
    void unlistedThirdPartyNamesAreSuspicious() {
        assertThat(policy.classify("mylab.models", "ResNetVariant")).isInstanceOf(Verdict.Suspicious.class);
        assertThat(policy.classify("transformers.training_args", "TrainingArguments"))
                .isInstanceOf(Verdict.Suspicious.class);
        // scikit-learn functions (not classes) are not covered by the estimator-class rule
        assertThat(policy.classify("sklearn.utils._testing", "assert_run_python_script"))
                .isInstanceOf(Verdict.Dangerous.class);
    }
}
