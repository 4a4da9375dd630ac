package dev.bulwark.supply.deps.trust;

import dev.bulwark.core.Finding;
import java.util.List;

/** One untrustworthy-component check over every manifest read. Stateless, thread-safe, never touches the network. */
public interface TrustCheck {
    List<Finding> check(TrustInput input);

    /** Every check, in report order. */
    static List<TrustCheck> all() {
        return List.of(new UnsafeLoaderCheck(LoaderAdvisories.bundled()), new TyposquatCheck(PopularPackages.bundled()),
                new IndexCheck(), new VcsPinCheck(), new PinningCheck());
    }
}
