package dev.bulwark.core.scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code bulwark.yaml}: bounded read, YAML with line numbers, the published JSON Schema, {@code ${VAR}}
 * expansion, then the cross-reference checks. Every problem is a {@link ScopeException} naming file, line and
 * field; nothing else escapes, whatever the file holds.
 */
public final class ScopeLoader {
    /** A real scope is a few KB; the cap keeps a wrong path (a dataset, a log) from costing memory and time. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private ScopeLoader() {
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from the process environment. */
    public static Scope load(Path file) throws ScopeException {
        return load(file, System.getenv());
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from {@code env}. */
    public static Scope load(Path file, Map<String, String> env) throws ScopeException {
        return parse(read(file), file, env);
    }

    /** Validates scope text as if it had been read from {@code source} (used in messages and {@link Scope#source()}). */
    public static Scope parse(String yaml, Path source, Map<String, String> env) throws ScopeException {
        if (yaml.length() > MAX_FILE_BYTES) throw tooBig(source);
        try {
            YamlDocument document = YamlTreeReader.read(source, yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
            Problems problems = new Problems(source, document);
            SchemaValidation.validate(document, problems);
            problems.throwIfAny();
            EnvExpansion.expandAll(document.root(), env, problems);
            problems.throwIfAny();
            Scope scope = ScopeMapper.map(source, document.root(), problems);
            problems.throwIfAny();
            return scope;
        } catch (ScopeException e) {
            throw e;
        } catch (RuntimeException e) {
            // A validator or mapper bug must still reach the user as "this file is the problem", with a reason.
            throw new ScopeException(source, 1, FieldPath.display(FieldPath.ROOT),
                    "cannot be checked (" + e.getClass().getSimpleName() + ": " + YamlTreeReader.firstLine(e) + ")");
        }
    }

    private static String read(Path file) throws ScopeException {
        if (Files.isDirectory(file)) throw new ScopeException(file, 0, "(file)", "is a directory, not a scope file");
        // Checked before opening: opening a FIFO or device would block or never end.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ScopeException(file, 0, "(file)", "is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScopeException(file, 0, "(file)", "no such file (write one with: bulwark init)");
        } catch (IOException e) {
            throw new ScopeException(file, 0, "(file)", "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) throw tooBig(file);
        return utf8(file, bytes);
    }

    private static String utf8(Path file, byte[] bytes) throws ScopeException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new ScopeException(file, line, FieldPath.display(FieldPath.ROOT), "not UTF-8 text (byte " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static ScopeException tooBig(Path file) {
        return new ScopeException(file, 1, FieldPath.display(FieldPath.ROOT),
                "the file is larger than " + MAX_FILE_BYTES / 1024 + " KiB; a scope file is a few KB (wrong file?)");
    }
}
