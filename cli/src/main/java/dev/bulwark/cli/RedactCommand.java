package dev.bulwark.cli;

import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.redact.DeterministicEncryption;
import dev.bulwark.detect.redact.EncryptionKeyset;
import dev.bulwark.detect.redact.AllowListScanner;
import dev.bulwark.detect.redact.FilteredScanner;
import dev.bulwark.detect.redact.KeyFileException;
import dev.bulwark.detect.redact.RedactionKey;
import dev.bulwark.detect.redact.RedactionOperator;
import dev.bulwark.detect.redact.StreamingRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "redact", mixinStandardHelpOptions = true,
        description = {"Copy UTF-8 text from stdin to stdout with personal data and secrets replaced; everything else "
                + "is kept byte for byte (line endings, trailing newline, non-ASCII).",
                "The input is streamed in chunks, so memory stays bounded whatever its size. See docs/redaction.md."},
        footer = {"", "Examples:",
                "  ./bulwark redact < reply.txt",
                "  ./bulwark redact --operator mask --entities EMAIL,PHONE < chat.log",
                "  ./bulwark redact --new-key keys.json --operator encrypt",
                "  ./bulwark redact --operator encrypt --key keys.json < in.txt > tokens.txt",
                "  ./bulwark redact --decrypt --key keys.json < tokens.txt"})
final class RedactCommand implements Callable<Integer> {
    /** Characters read from stdin at a time. */
    static final int CHUNK_CHARS = 16 * 1024;
    /** Scan step of the streaming redactor: large, since a pipe wants throughput more than low latency. */
    static final int STEP_CHARS = 64 * 1024;

    enum Operator { replace, mask, hash, encrypt, fpe }

    @Option(names = "--operator", paramLabel = "OP", defaultValue = "replace",
            description = "replace (<EMAIL>, the default), mask, hash (keyed HMAC), encrypt (reversible Tink "
                    + "AES-SIV tokens) or fpe (format-preserving FF1 for digits).")
    Operator operator;

    @Option(names = "--entities", paramLabel = "LIST", split = ",",
            description = "Redact only these entity types, comma-separated (default: all), e.g. EMAIL,PHONE.")
    List<String> entities = List.of();

    @Option(names = "--allow", paramLabel = "LIST", split = ",",
            description = "Personal data to leave alone, comma-separated, ignoring case: values you publish on "
                    + "purpose, e.g. your assistant's name or info@yourshop.example (never credentials).")
    List<String> allowed = List.of();

    @Option(names = "--key", paramLabel = "FILE",
            description = "Key file for hash and fpe (a redaction key) or keyset for encrypt and --decrypt.")
    Path key;

    @Option(names = "--new-key", paramLabel = "FILE",
            description = "Create a new key for --operator (hash, fpe: redaction key; encrypt: Tink keyset) in FILE, "
                    + "readable by you only, and exit. Never overwrites a file.")
    Path newKey;

    @Option(names = "--rotate-key", paramLabel = "FILE",
            description = "Add a new primary key to the encrypt keyset FILE and exit; tokens made with the old keys "
                    + "still decrypt.")
    Path rotateKey;

    @Option(names = "--decrypt", description = "Turn encrypt tokens on stdin back into the original values.")
    boolean decrypt;

    @Override
    public Integer call() throws IOException {
        try {
            if (newKey != null) return createKey();
            if (rotateKey != null) return rotate();
            StreamingRedactor redactor = decrypt ? decrypter() : redactor();
            pump(System.in, System.out, redactor);
            return ExitCode.OK;
        } catch (KeyFileException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private int createKey() {
        switch (operator) {
            case hash, fpe -> RedactionKey.generate().write(newKey);
            case encrypt -> EncryptionKeyset.generate().write(newKey);
            default -> throw new BadInputException("--new-key makes a key for --operator hash, fpe or encrypt; "
                    + operator + " needs none");
        }
        System.out.println("Wrote a new " + (operator == Operator.encrypt ? "Tink AES-SIV keyset" : "redaction key")
                + " to " + newKey + " (readable by you only; keep it secret and keep a backup).");
        return ExitCode.OK;
    }

    private int rotate() {
        var rotated = EncryptionKeyset.read(rotateKey).rotate();
        rotated.overwrite(rotateKey);
        System.out.println("Added a new primary key to " + rotateKey + " (" + rotated.size()
                + " keys; new tokens use the new key, old tokens still decrypt).");
        return ExitCode.OK;
    }

    private StreamingRedactor decrypter() {
        if (key == null) throw new BadInputException("--decrypt needs --key FILE (the keyset used to encrypt)");
        return StreamingRedactor.decrypting((DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.read(key)));
    }

    private StreamingRedactor redactor() {
        EntityScanner scanner = EntityScanner.standard();
        if (!entities.isEmpty()) scanner = new FilteredScanner(scanner, entityTypes(entities));
        scanner = AllowListScanner.of(scanner, allowed);
        return StreamingRedactor.of(scanner, operator(), Math.max(STEP_CHARS, scanner.maxSpan()));
    }

    private RedactionOperator operator() {
        boolean keyed = operator == Operator.hash || operator == Operator.encrypt || operator == Operator.fpe;
        if (keyed && key == null) {
            throw new BadInputException("--operator " + operator + " needs --key FILE (create one with: bulwark redact"
                    + " --new-key FILE --operator " + operator + ")");
        }
        if (!keyed && key != null) throw new BadInputException("--key is used by hash, encrypt and fpe, not " + operator);
        return switch (operator) {
            case replace -> RedactionOperator.replace();
            case mask -> RedactionOperator.mask();
            case hash -> RedactionOperator.hash(RedactionKey.read(key));
            case fpe -> RedactionOperator.fpe(RedactionKey.read(key));
            case encrypt -> RedactionOperator.encrypt(EncryptionKeyset.read(key));
        };
    }

    /** Parses {@code --entities}: type names, case-insensitive; an unknown one is an error listing the valid ones. */
    static Set<EntityType> entityTypes(List<String> names) {
        var types = EnumSet.noneOf(EntityType.class);
        for (String name : names) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) continue;
            try {
                types.add(EntityType.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--entities: unknown entity type '" + name.strip() + "'; valid types: "
                        + Arrays.stream(EntityType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        if (types.isEmpty()) throw new BadInputException("--entities: no entity type given");
        return types;
    }

    /** Strict UTF-8 in: a replacement character for a bad byte would break the byte-for-byte promise. */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static void pump(InputStream stdin, OutputStream stdout, StreamingRedactor redactor) throws IOException {
        Reader in = utf8(stdin);
        Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
        char[] buf = new char[CHUNK_CHARS];
        long read = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0; read += n) {
                String emit = redactor.accept(CharBuffer.wrap(buf, 0, n));
                if (!emit.isEmpty()) {
                    out.write(emit);
                    out.flush();
                }
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException("stdin: not UTF-8 text (a bad byte after about " + read
                    + " characters); redact reads UTF-8 only, so other encodings cannot be kept byte for byte");
        }
        out.write(redactor.finish());
        out.flush();
    }
}
