package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.List;

/**
 * A target on disk rather than on the network: files and folders the offline checks read (model files,
 * dependency manifests, datasets). Nothing is sent anywhere; paths are resolved against the scope file's folder.
 */
public sealed interface FileTarget extends Target permits ModelFilesTarget, DependenciesTarget, DatasetTarget {
    List<Path> paths();
}
