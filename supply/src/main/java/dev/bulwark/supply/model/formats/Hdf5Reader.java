package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ScanContext;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Legacy Keras {@code .h5} (HDF5): reads the root attributes {@code model_config} and {@code training_config} with
 * jhdf (pure Java) and walks them with {@link KerasConfigWalker}. jhdf is not built for hostile files, so it runs on
 * a {@link BudgetedChannel} (every pointer-chasing loop ends when the read budget does), attribute sizes are checked
 * before their data is read, and anything it throws — including a failed huge allocation — makes the file not
 * verified. An archive member is copied to a temporary file first (jhdf needs random access), up to
 * {@link #MAX_SPILL_BYTES}.
 *
 * <p>A weights-only HDF5 file (no {@code model_config}) holds no config to run and yields nothing.
 */
public final class Hdf5Reader implements FormatReader {
    static final String FORMAT = "keras-h5";
    static final long MAX_SPILL_BYTES = 512L << 20;
    private static final long MAX_READS = 200_000;
    private static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    /** Where an HDF5 superblock may sit when the file starts with a user block (within the head). */
    private static final int[] SUPERBLOCK_OFFSETS = {0, 512, 1024, 2048};
    private static final String[] CONFIG_ATTRIBUTES = {"model_config", "training_config"};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(Head head) {
        for (int offset : SUPERBLOCK_OFFSETS) {
            if (head.startsWith(offset, MAGIC)) return true;
        }
        return false;
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        Path file = input.file();
        Path spilled = null;
        try {
            if (file == null) {
                spilled = spill(input);
                if (spilled == null) {
                    context.report(Issues.notVerified(FORMAT, 0, "archive member over the " + MAX_SPILL_BYTES
                            + "-byte limit for HDF5 random access"));
                    return;
                }
                file = spilled;
            }
            readConfigs(file, context);
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        } finally {
            if (spilled != null) Files.deleteIfExists(spilled);
        }
    }

    private static void readConfigs(Path file, ScanContext context) throws IOException, MalformedModelException {
        long maxText = context.limits().maxHeaderBytes();
        for (String name : CONFIG_ATTRIBUTES) {
            String json = attributeText(file, name, maxText);
            if (json == null) continue;
            new KerasConfigWalker(context::report, -1, "the " + name + " attribute")
                    .walk(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), maxText);
        }
    }

    /** The root attribute {@code name} as text, null when absent. */
    private static String attributeText(Path file, String name, long maxText) throws IOException, MalformedModelException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             HdfFile hdf = new HdfFile(new BudgetedChannel(channel, 4 * maxText + (16L << 20), MAX_READS), file.toUri())) {
            Attribute attribute = hdf.getAttribute(name);
            if (attribute == null) return null;
            if (attribute.getSizeInBytes() > maxText || attribute.getSize() > maxText) {
                throw new MalformedModelException(name + " attribute of " + attribute.getSizeInBytes()
                        + " bytes is over the limit", -1);
            }
            return text(attribute.getData(), name);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A hostile file can make jhdf fail anywhere (it wraps our budget exception too): fail closed.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BudgetedChannel.ReadBudgetSpentException) {
                    throw new MalformedModelException("HDF5 structure needed more reads than any real file", -1);
                }
            }
            throw new MalformedModelException("HDF5 structure could not be read (" + e.getClass().getSimpleName() + ")", -1);
        } catch (BudgetedChannel.ReadBudgetSpentException e) {
            throw new MalformedModelException("HDF5 structure needed more reads than any real file", -1);
        }
    }

    private static String text(Object data, String name) throws MalformedModelException {
        if (data instanceof String s) return s;
        if (data instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        if (data instanceof String[] array && array.length == 1) return array[0];
        throw new MalformedModelException(name + " attribute is not a text value", -1);
    }

    /** Copies the input to a temporary file, or returns null when it is over the limit. */
    private static Path spill(ModelInput input) throws IOException {
        if (input.size() > MAX_SPILL_BYTES) return null;
        Path temp = Files.createTempFile("bulwark-h5-", ".h5");
        boolean kept = false;
        try (InputStream in = input.open(); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > MAX_SPILL_BYTES) return null;
                out.write(buffer, 0, n);
            }
            kept = true;
            return temp;
        } finally {
            if (!kept) Files.deleteIfExists(temp);
        }
    }
}
