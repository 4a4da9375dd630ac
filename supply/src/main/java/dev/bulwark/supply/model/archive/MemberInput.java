package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.ModelInput;
import java.io.IOException;
import java.io.InputStream;

/** A member of a container: re-opened from the container on every {@link #open()}. */
record MemberInput(String name, long size, Opener opener) implements ModelInput {

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    @Override
    public InputStream open() throws IOException {
        return opener.open();
    }
}
