package dev.bulwark.core.config;

/**
 * The words a loader uses for its kind of file, so messages read naturally ("a scope file is a few KB",
 * "keep the whole guard config in one").
 *
 * @param subject         what the file describes, e.g. {@code scope}
 * @param fileNoun        what the file is called, e.g. {@code scope file}
 * @param expectedKeys    the first keys a user should write, shown when the file is empty
 * @param missingFileHint how to get one, shown when the file does not exist
 */
public record ConfigFormat(String subject, String fileNoun, String expectedKeys, String missingFileHint) {
}
