package dev.bulwark.guard.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes key material into new files readable by the owner only (mode 600 where the file system has modes), and
 * names the mode of new audit log files (640: the gateway writes, a log shipper in its group may read, no one else).
 */
final class PrivateFiles {
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private PrivateFiles() {
    }

    /** Attributes to create an audit log file with: mode 640 where the file system has modes. */
    static FileAttribute<?>[] logFile(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return NONE;
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"))};
    }

    /**
     * Creates {@code file} with {@code content}; false when it already exists (another process won the race: read
     * theirs). Created with its mode from the start, so there is no moment where others could read it.
     */
    static boolean createNew(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        return true;
    }
}
