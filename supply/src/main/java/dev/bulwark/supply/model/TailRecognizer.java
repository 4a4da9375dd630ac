package dev.bulwark.supply.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Implemented by a {@link FormatReader} whose format is also found from the end of a file. Zip loaders find the
 * central directory at the end, so a zip behind a prefix (a self-extracting stub, or a pickle in front: a polyglot)
 * loads as a zip while its first bytes say otherwise. The scanner asks such readers about files on disk too.
 */
public interface TailRecognizer {
    /** True when {@code file} ends like this format; reads a bounded amount from its end. */
    boolean recognizesTail(Path file) throws IOException;
}
