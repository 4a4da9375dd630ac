package dev.bulwark.supply.model.formats;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The element types safetensors defines, with their width in bits (sub-byte float formats pack several per byte). */
enum SafetensorsDtype {
    BOOL(8), U8(8), I8(8), F8_E5M2(8), F8_E4M3(8), F8_E8M0(8), F4(4), F6_E2M3(6), F6_E3M2(6),
    I16(16), U16(16), F16(16), BF16(16), I32(32), U32(32), F32(32), C64(64), F64(64), I64(64), U64(64);

    private static final Map<String, SafetensorsDtype> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    /** The dtype named {@code name}, or null for a name safetensors does not define. */
    static SafetensorsDtype byName(String name) {
        return BY_NAME.get(name);
    }
}
