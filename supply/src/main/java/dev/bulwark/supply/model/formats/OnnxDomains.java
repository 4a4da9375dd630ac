package dev.bulwark.supply.model.formats;

import java.util.Set;

/**
 * Operator domains an ONNX runtime implements itself. Any other domain needs a custom-op library registered before
 * the model can run, and that library is native code shipped alongside the model.
 */
final class OnnxDomains {
    /**
     * The ONNX standard domains and ONNX Runtime's built-in contrib domains (com.microsoft and its internal layout and
     * DirectML variants): all implemented inside the runtime, so using them loads no extra code.
     */
    private static final Set<String> BUILT_IN = Set.of("", "ai.onnx", "ai.onnx.ml", "ai.onnx.training",
            "ai.onnx.preview.training", "com.microsoft", "com.microsoft.experimental", "com.microsoft.nchwc",
            "com.ms.internal.nhwc", "com.microsoft.dml");

    private OnnxDomains() {
    }

    static boolean builtIn(String domain) {
        return BUILT_IN.contains(domain);
    }
}
