package dev.bulwark.supply.model.archive;

import java.io.IOException;

/** The zip structure is not what its signatures promise. */
final class ZipFormatException extends IOException {
    ZipFormatException(String message) {
        super(message);
    }
}
