package dev.bulwark.core.scope;

import dev.bulwark.core.Classification;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ScopeDiscovery} found in a project folder; {@link ScopeWriter} turns it into a commented scope.
 * Paths are relative to {@link #root()}. Holds names only, never a secret value: for an API key it keeps the name
 * of the variable that holds it.
 *
 * @param filesExamined regular files looked at
 * @param truncated     true when a limit (depth, file count) stopped the walk early
 */
public record Discovery(Path root, List<ModelFile> models, List<Manifest> manifests, List<Dataset> datasets,
                        List<Endpoint> endpoints, int filesExamined, boolean truncated) {
    public Discovery {
        models = List.copyOf(models);
        manifests = List.copyOf(manifests);
        datasets = List.copyOf(datasets);
        endpoints = List.copyOf(endpoints);
    }

    public boolean isEmpty() {
        return models.isEmpty() && manifests.isEmpty() && datasets.isEmpty() && endpoints.isEmpty();
    }

    /** A model file recognised by its content, e.g. format {@code pickle}, {@code safetensors}, {@code gguf}. */
    public record ModelFile(Path path, String format) {
    }

    /** A dependency manifest or lock file; ecosystem e.g. {@code pypi}, {@code npm}, {@code maven}. */
    public record Manifest(Path path, String ecosystem) {
    }

    /**
     * A dataset file with the column names read from its first record (empty when they are not readable cheaply)
     * and a classification guessed from them: confidential when a column name suggests personal data.
     */
    public record Dataset(Path path, String format, List<String> columns, List<String> piiColumns,
                          Classification classification) {
        public Dataset {
            columns = List.copyOf(columns);
            piiColumns = List.copyOf(piiColumns);
        }
    }

    /**
     * An LLM endpoint named in a config file, already turned into its chat-completions URL.
     *
     * @param provider       e.g. {@code openai}, {@code ollama}, {@code azure-openai}, {@code anthropic}, {@code llm}
     * @param setting        the setting that named it, e.g. {@code OPENAI_BASE_URL} (or {@code url} for a bare URL)
     * @param apiKeyVariable the name of the variable holding its key, if one was found next to it
     */
    public record Endpoint(URI url, String provider, String setting, Optional<String> apiKeyVariable,
                           Optional<String> model, Path foundIn, int line) {
    }
}
