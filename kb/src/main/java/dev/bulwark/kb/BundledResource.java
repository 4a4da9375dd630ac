package dev.bulwark.kb;

import java.io.InputStream;

/** Opens a data file bundled next to this package; a missing one is a packaging bug, so it fails loudly. */
final class BundledResource {
    static final String DIR = "/dev/bulwark/kb/";

    private BundledResource() {
    }

    static InputStream open(String name) {
        InputStream in = BundledResource.class.getResourceAsStream(name.startsWith("/") ? name : DIR + name);
        if (in == null) throw new IllegalStateException("bundled resource missing from the kb jar: " + name);
        return in;
    }
}
