package dev.bulwark.supply.model.pickle;

import dev.bulwark.supply.model.pickle.PickleValue.Call;
import dev.bulwark.supply.model.pickle.PickleValue.Dict;
import dev.bulwark.supply.model.pickle.PickleValue.Global;
import dev.bulwark.supply.model.pickle.PickleValue.Int;
import dev.bulwark.supply.model.pickle.PickleValue.Str;
import dev.bulwark.supply.model.pickle.PickleValue.Tup;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * joblib writes each numpy array inline: the pickle holds a {@code NumpyArrayWrapper} (shape, dtype, order,
 * alignment) and, right after the wrapper's BUILD opcode, the array itself: raw bytes (after a one-byte padding
 * length and that much padding when {@code numpy_array_alignment_bytes} is set), or, for object arrays, a nested
 * pickle. The unpickler then carries on with the next opcode, so the scanner must step over exactly those bytes.
 */
sealed interface JoblibArray {
    /** The BUILD was not of a joblib array wrapper. */
    record None() implements JoblibArray {
    }

    /** {@code bytes} of raw array data follow, after the padding byte when {@code padded}. */
    record Raw(long bytes, boolean padded) implements JoblibArray {
    }

    /** A complete pickle of the object array follows. */
    record Pickled() implements JoblibArray {
    }

    /** A wrapper whose size cannot be worked out, so the rest of the stream cannot be located. */
    record Unknown(String why) implements JoblibArray {
    }

    Pattern TYPESTR = Pattern.compile("[<>|=]?([a-zA-Z?])(\\d*)");

    /** What follows the BUILD of {@code target} with {@code state}. */
    static JoblibArray after(PickleValue target, PickleValue state) {
        if (!(target instanceof Call call) || !(call.instanceClass() instanceof Global cls)
                || !cls.name().equals("NumpyArrayWrapper") || !cls.module().endsWith("numpy_pickle")) {
            return new None();
        }
        if (!(state instanceof Dict d)) return new Unknown("array wrapper without a state dict");
        if (!(d.get("dtype") instanceof Call dtype)) return new Unknown("array wrapper with an unknown dtype");
        long itemSize = itemSize(dtype);
        if (itemSize == -2) return new Pickled();
        if (itemSize < 0) return new Unknown("array wrapper with an unknown dtype");
        long count = elementCount(d.get("shape"));
        if (count < 0) return new Unknown("array wrapper with an unknown or overflowing shape");
        try {
            return new Raw(Math.multiplyExact(count, itemSize), d.get("numpy_array_alignment_bytes") instanceof Int);
        } catch (ArithmeticException e) {
            return new Unknown("array size overflows");
        }
    }

    private static long elementCount(PickleValue shape) {
        if (!(shape instanceof Tup t) || t.truncated()) return -1;
        long count = 1;
        for (int k = 0; k < t.size(); k++) {
            if (!(t.at(k) instanceof Int i) || i.value() < 0) return -1;
            try {
                count = Math.multiplyExact(count, i.value());
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return count;
    }

    /**
     * Bytes per element of a pickled {@code numpy.dtype(typestr, align, copy)} with BUILD state
     * {@code (version, byteorder, subarray, names, fields, elsize, alignment, flags)}; -2 for object dtypes.
     */
    private static long itemSize(Call dtype) {
        if (!(dtype.callable instanceof Global g) || !g.name().equals("dtype") || !g.module().startsWith("numpy")) {
            return -1;
        }
        if (!(dtype.args instanceof Tup args) || !(args.at(0) instanceof Str typestr)) return -1;
        Matcher m = TYPESTR.matcher(typestr.text());
        if (!m.matches()) return -1;
        char kind = m.group(1).charAt(0);
        boolean hasObject = kind == 'O';
        long elsize = -1;
        if (dtype.state instanceof Tup st) {
            if (st.at(7) instanceof Int flags && (flags.value() & 1) != 0) hasObject = true; // NPY_ITEM_REFCOUNT
            if (st.at(5) instanceof Int size && size.value() > 0) elsize = size.value();
        }
        if (hasObject) return -2;
        if (elsize > 0) return elsize;
        if (!m.group(2).isEmpty()) {
            long n = Long.parseLong(m.group(2).length() > 12 ? "-1" : m.group(2));
            if (n < 0) return -1;
            return kind == 'U' ? n * 4 : n;
        }
        return switch (kind) {
            case '?', 'b', 'B' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'l', 'L', 'q', 'Q', 'd', 'F', 'M', 'm' -> 8;
            case 'g', 'D' -> 16;
            case 'G' -> 32;
            default -> -1;
        };
    }
}
