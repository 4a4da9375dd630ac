package dev.bulwark.supply.model;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.integrity.SignedFile;
import dev.bulwark.core.integrity.Verification;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Provenance of scanned model files when the user trusts a signing key ({@code bulwark sign}): every model file
 * must carry a {@code FILE.sig.json} sidecar signed by that key over its current name, size and SHA-256. An
 * unsigned file is a medium finding (nobody vouched for it); a file that changed after signing, or a sidecar from
 * another key or forged, is high: that is what a swapped model looks like.
 */
public final class ModelSignatures {
    public static final String CHECK = "model.signature";

    private ModelSignatures() {
    }

    /** One finding per scanned model file that does not verify against {@code trusted}. */
    public static List<Finding> check(List<ScannedFile> files, PublicKey trusted) {
        var out = new ArrayList<Finding>();
        for (ScannedFile file : files) {
            if (file.status() == ScannedFile.Status.SKIPPED) continue;
            Verification v = SignedFile.verify(file.path(), trusted);
            if (!v.verified()) out.add(finding(file, v));
        }
        return List.copyOf(out);
    }

    private static Finding finding(ScannedFile file, Verification v) {
        boolean unsigned = v.status() == Verification.Status.UNSIGNED;
        Severity severity = unsigned ? Severity.MEDIUM : Severity.HIGH;
        String path = file.path().toString();
        return Finding.builder(CHECK, WeaknessClass.UNTRUSTWORTHY_COMPONENT)
                .title(unsigned ? "Model file is not signed by the trusted key"
                        : "Model file does not match its signature (" + v.status().name().toLowerCase().replace('_', ' ')
                                + ")")
                .severity(severity)
                .cvss(SeverityVectors.of(severity))
                .confidence(Confidence.CONFIRMED)
                .target(path)
                .location(new Location(null, path, null, null, null, null))
                .evidence(new Evidence(1, 1, "sha256 " + file.sha256() + ", " + file.size() + " bytes", v.message(),
                        List.of("sha256 " + file.sha256() + " " + path)))
                .description(unsigned
                        ? "No " + SignedFile.SUFFIX + " sidecar signed by the trusted key vouches for this file, so"
                                + " nothing shows it is the model the business approved."
                        : "The file is not the one the trusted key signed: " + v.message()
                                + ". Do not load it until you know who changed it.")
                .rootCause("signature:" + v.status())
                .build();
    }
}
