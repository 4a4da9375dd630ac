package dev.bulwark.core.scope;

import dev.bulwark.core.config.ConfigException;

import java.nio.file.Path;
import java.util.List;

/**
 * A scope file (or a file the scope points at) that cannot be used: a {@link ConfigException}, so its message is
 * {@code file:line: field: what is wrong}; kept as its own type so callers can tell a bad scope from other bad
 * configuration.
 */
public final class ScopeException extends ConfigException {

    public ScopeException(Path file, int line, String field, String problem) {
        super(file, line, field, problem);
    }

    /** Several problems of one file; the first is the primary one. */
    public ScopeException(Path file, List<Problem> problems) {
        super(file, problems);
    }

    /** The same problems, as a scope problem. */
    static ScopeException of(ConfigException e) {
        return e instanceof ScopeException scope ? scope : new ScopeException(e.file(), e.problems());
    }
}
