package dev.bulwark.supply.check;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Finding;
import dev.bulwark.core.LocalFilesCheck;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.ModelFilesTarget;
import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.core.integrity.IntegrityException;
import dev.bulwark.supply.model.ModelFindings;
import dev.bulwark.supply.model.ModelSignatures;
import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.ScannedFile;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A scope's {@code model-files} target inside {@code bulwark assess}: the same scan as {@code bulwark scan model},
 * its findings attributed to the target so they join the assessment's scenarios. Sends nothing.
 */
public final class ModelFilesCheck extends LocalFilesCheck<ModelFilesTarget> {
    private static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("model.files",
            "Model files that run code when loaded", WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD,
            CheckDescriptor.Tier.CORE, "nothing: reads the target's files",
            "Scans every file under the target's paths by content (pickle, PyTorch, joblib, numpy, Keras, HDF5,"
                    + " SavedModel, ONNX, safetensors, GGUF, archives) for callables, layers, ops and templates that"
                    + " would run code on load; files it cannot verify are reported as such.");

    public ModelFilesCheck() {
        super(DESCRIPTOR, ModelFilesTarget.class);
    }

    @Override
    protected CheckOutcome scan(ModelFilesTarget files, CheckContext context) {
        List<ScannedFile> scanned;
        try {
            scanned = ModelScanner.standard().scan(files.paths());
        } catch (IOException e) {
            return CheckOutcome.notTested("could not read " + files.paths() + ": " + e.getMessage(),
                    VerdictTally.EMPTY.error(e.getMessage()));
        }
        context.progress("scanned " + scanned.size() + " files");
        var all = new ArrayList<>(ModelFindings.of(scanned, files.strict()));
        if (files.verifyKey().isPresent()) {
            PublicKey trusted;
            try {
                trusted = Ed25519Keys.readPublic(files.verifyKey().get());
            } catch (IntegrityException e) {
                return CheckOutcome.notTested(e.getMessage(), VerdictTally.EMPTY.error(e.getMessage()));
            }
            all.addAll(ModelSignatures.check(scanned, trusted));
        }
        List<Finding> findings = all.stream().map(f -> f.forTarget(files.id(), files.assets())).toList();
        return CheckOutcome.tested(findings, Tallies.of(scanned.stream()
                .filter(f -> f.status() != ScannedFile.Status.SKIPPED).count(), findings.size()));
    }
}
