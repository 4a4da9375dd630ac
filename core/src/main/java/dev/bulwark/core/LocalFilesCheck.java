package dev.bulwark.core;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;

/**
 * A check of one kind of scope target that reads the target's local files and sends nothing (model files,
 * dependency manifests, datasets): it plans no requests, handles exactly its target type and is handed that target
 * already typed.
 *
 * @param <T> the target type it scans
 */
public abstract class LocalFilesCheck<T extends Target> implements Check {
    private final CheckDescriptor descriptor;
    private final Class<T> targetType;

    protected LocalFilesCheck(CheckDescriptor descriptor, Class<T> targetType) {
        this.descriptor = descriptor;
        this.targetType = targetType;
    }

    /** Scans {@code target}'s files; a file that cannot be read is reported in the outcome, not thrown. */
    protected abstract CheckOutcome scan(T target, CheckContext context);

    @Override
    public final CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean handles(Target target) {
        return targetType.isInstance(target);
    }

    @Override
    public final int plannedRequests(Target target, RulesOfEngagement rules) {
        return 0;
    }

    @Override
    public final CheckOutcome run(Target target, CheckContext context) {
        return scan(targetType.cast(target), context);
    }
}
