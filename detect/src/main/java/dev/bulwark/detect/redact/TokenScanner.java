package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Finds {@link DeterministicEncryption} tokens ({@code <EMAIL:…>}), so decryption can stream like redaction. */
final class TokenScanner implements EntityScanner {
    static final TokenScanner INSTANCE = new TokenScanner();

    @Override
    public List<Entity> scan(String text) {
        var found = new ArrayList<Entity>();
        Matcher m = DeterministicEncryption.TOKEN.matcher(text);
        while (m.find()) {
            EntityType type = typeNamed(m.group(1));
            if (type != null) found.add(new Entity(type, m.start(), m.end(), 1.0));
        }
        return found;
    }

    @Override
    public int maxSpan() {
        return DeterministicEncryption.MAX_PAYLOAD + 48;
    }

    private static EntityType typeNamed(String name) {
        try {
            return EntityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
