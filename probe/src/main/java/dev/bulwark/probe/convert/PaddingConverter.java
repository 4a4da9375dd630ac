package dev.bulwark.probe.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text as it is, behind an ordinary business e-mail of about 480 words (over 512 tokens for the common
 * tokenizers). Guardrail classifiers read only the start of a message — many truncate at 512 tokens, and Bulwark's
 * own model read only its first 96 word pieces until it learned to take a second look — so an instruction after the
 * padding is outside what they judge, while the model behind them reads all of it.
 */
public record PaddingConverter() implements Converter {
    static final String EMAIL = resource("padding-email.txt");

    @Override
    public String id() {
        return "padding";
    }

    @Override
    public String convert(String text) {
        return EMAIL + "\n\n" + text;
    }

    private static String resource(String name) {
        try (InputStream in = PaddingConverter.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the padding e-mail", e);
        }
    }
}
