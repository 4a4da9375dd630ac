package dev.bulwark.supply.model.archive;

import java.io.IOException;

/** A decompression went over a scan limit (expanded-bytes budget or ratio): the rest is not read. */
final class ScanLimitException extends IOException {
    ScanLimitException(String message) {
        super(message);
    }
}
