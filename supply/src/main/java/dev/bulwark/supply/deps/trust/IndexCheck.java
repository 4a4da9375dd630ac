package dev.bulwark.supply.deps.trust;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.manifest.Manifest;
import dev.bulwark.supply.deps.manifest.PackageIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports extra package indexes (pip {@code --extra-index-url}, Poetry supplemental sources). pip treats every index
 * as equal and installs the highest version it finds anywhere, so anyone who publishes one of your internal package
 * names on the public index with a higher version gets their code installed: dependency confusion.
 */
final class IndexCheck implements TrustCheck {
    @Override
    public List<Finding> check(TrustInput input) {
        var out = new ArrayList<Finding>();
        for (Manifest m : input.manifests()) {
            for (PackageIndex index : m.indexes()) {
                if (index.kind() != PackageIndex.Kind.EXTRA) continue;
                String url = redact(index.url());
                out.add(DepsFindings.builder(DepsFindings.EXTRA_INDEX, WeaknessClass.UNTRUSTWORTHY_COMPONENT, index.source())
                        .title("Extra package index " + url)
                        .cvss(DepsFindings.medium())
                        .confidence(Confidence.FIRM)
                        .rootCause(url)
                        .description("Packages are looked up on " + url + " in addition to the main index, and the"
                                + " installer takes the highest version found on either. If a package name you host"
                                + " privately is free on the public index, anyone can publish it there with a higher"
                                + " version and it will be installed instead (dependency confusion).")
                        .remediation("Use a single index (--index-url) that proxies the public one and serves your"
                                + " private packages first, or pin every private package with --hash so a substitute"
                                + " cannot install; register your private names on the public index as placeholders.")
                        .build());
            }
        }
        return out;
    }

    /** Index URLs may carry credentials ("https://user:token@host/simple"): never reprint them. */
    static String redact(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
    }
}
