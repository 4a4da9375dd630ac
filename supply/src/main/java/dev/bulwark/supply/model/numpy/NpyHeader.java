package dev.bulwark.supply.model.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file: magic {@code \x93NUMPY}, version, header length, then a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}. Only what decides how the data is stored is read:
 * whether the dtype holds Python objects, in which case numpy stored the data as a pickle.
 *
 * @param dataOffset  where the array data starts
 * @param holdsObjects true when the dtype (or a field of a structured dtype) is {@code 'O'}
 */
record NpyHeader(long dataOffset, boolean holdsObjects) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers over 10,000 bytes unless told otherwise; a little slack for old writers. */
    static final int MAX_HEADER = 1 << 20;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(.*?)\\s*,\\s*['\"](fortran_order|shape)['\"]",
            Pattern.DOTALL);
    private static final Pattern SIMPLE_OBJECT = Pattern.compile("['\"][<>|=]?O\\d*['\"]");
    /** A field of a structured dtype: ('name', 'typestr' ...) or (('title', 'name'), 'typestr' ...). */
    private static final Pattern FIELD_TYPE = Pattern.compile("(?:['\"][^'\"]*['\"]|\\([^()]*\\))\\s*,\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern OBJECT_TYPESTR = Pattern.compile("[<>|=]?O\\d*");

    /** The input is not a well-formed .npy header. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the header from the start of {@code in}, leaving the stream at the first data byte. */
    static NpyHeader read(InputStream in, long maxHeaderBytes) throws IOException, Malformed {
        byte[] fixed = in.readNBytes(8);
        if (fixed.length < 8) throw new Malformed("file ends inside the .npy preamble");
        for (int k = 0; k < MAGIC.length; k++) {
            if (fixed[k] != MAGIC[k]) throw new Malformed("not a .npy file");
        }
        int major = fixed[6] & 0xFF;
        if (major < 1 || major > 3) throw new Malformed("unsupported .npy version " + major);
        int width = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(width);
        if (len.length < width) throw new Malformed("file ends inside the .npy header length");
        long headerLength = 0;
        for (int k = width - 1; k >= 0; k--) headerLength = (headerLength << 8) | (len[k] & 0xFF);
        if (headerLength > Math.min(maxHeaderBytes, MAX_HEADER)) {
            throw new Malformed(".npy header claims " + headerLength + " bytes, over the limit");
        }
        byte[] header = in.readNBytes((int) headerLength);
        if (header.length < headerLength) throw new Malformed("file ends inside the .npy header");
        String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(text);
        if (!text.strip().startsWith("{") || !descr.find() || !text.contains("shape")) {
            throw new Malformed(".npy header is not a dict with descr, fortran_order and shape");
        }
        return new NpyHeader(8L + width + headerLength, holdsObjects(descr.group(1)));
    }

    private static boolean holdsObjects(String descr) {
        if (!descr.startsWith("[")) return SIMPLE_OBJECT.matcher(descr).matches();
        Matcher field = FIELD_TYPE.matcher(descr);
        while (field.find()) {
            if (OBJECT_TYPESTR.matcher(field.group(1)).matches()) return true;
        }
        return false;
    }
}
