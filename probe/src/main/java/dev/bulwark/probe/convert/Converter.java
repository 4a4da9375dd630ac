package dev.bulwark.probe.convert;

/**
 * Disguises an attack text so that input filters matching plain words miss it while a model can still read
 * it: an encoding, look-alike characters, invisible characters, another language, ordinary text in front. {@link #convert} gives the
 * disguised text; {@link #deliver} the whole message to send, which tells the model how to read the text when
 * the disguise needs explaining (base64) and is the disguised text itself when it does not (homoglyphs).
 *
 * <p>Code-like tokens ({@code BWK-1a2b3c4d}) survive the per-word disguises unchanged, so a model that obeys
 * can copy the code and a detector can recognise it; full encodings (base64, hex, ROT13) hide them too.
 */
public sealed interface Converter
        permits Base64Converter, HexConverter, Rot13Converter, LeetspeakConverter, HomoglyphConverter,
        TagSmugglingConverter, ZeroWidthConverter, PaddingConverter, Translation {

    /** A short stable name, used as the attempt label ({@code base64}, {@code translate-fr}). */
    String id();

    /** {@code text} in disguise. */
    String convert(String text);

    /** The message that carries {@code text} in disguise. */
    default String deliver(String text) {
        return convert(text);
    }
}
