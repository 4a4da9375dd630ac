package dev.bulwark.probe.custom;

import dev.bulwark.core.Check;
import dev.bulwark.core.scope.ScopeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the custom probes of a scope's {@code probes:} folder: every {@code *.yaml} / {@code *.yml} file in it (not
 * in subfolders), in name order, one check each. A broken file stops the run before any request, with file, line
 * and field (exit 2). Bounded: at most {@link #MAX_FILES} files of {@link #MAX_FILE_BYTES} each.
 */
public final class CustomProbes {
    public static final int MAX_FILES = 200;
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private CustomProbes() {
    }

    public static List<Check> load(Path folder) throws ScopeException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().limit(MAX_FILES + 1L).toList();
        } catch (IOException e) {
            throw new ScopeException(folder, 0, "(folder)", "cannot list the probe folder: " + e.getMessage());
        }
        if (files.size() > MAX_FILES) {
            throw new ScopeException(folder, 0, "(folder)", "more than " + MAX_FILES + " probe files");
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            ProbeSpec spec = ProbeFileReader.read(file, read(file));
            Path earlier = ids.putIfAbsent(spec.descriptor().id(), file);
            if (earlier != null) {
                throw new ScopeException(file, 1, "id", "'" + spec.descriptor().id() + "' is also the id of " + earlier);
            }
            checks.add(new CustomProbeCheck(spec));
        }
        return checks;
    }

    private static String read(Path file) throws ScopeException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new ScopeException(file, 0, "(file)", "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScopeException(file, 0, "(file)", "larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScopeException(file, 0, "(file)", "not UTF-8 text");
        }
    }
}
