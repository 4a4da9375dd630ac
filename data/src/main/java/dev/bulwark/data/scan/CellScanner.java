package dev.bulwark.data.scan;

import dev.bulwark.core.Masking;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.InputTooLargeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds entities in the cells of one column. A column whose name calls for context (an SSN, a date of birth, a
 * password) has its values scanned as {@code "PHRASE: value"}, the way a form shows them, and only entities inside
 * the value count. The scanner is handed each distinct value of a column once ({@link
 * dev.bulwark.data.table.ColumnValues}), and short plain numbers are skipped: no recognizer reports one (a property
 * test holds the engine to that). Holds no state between values: one per column per worker.
 */
final class CellScanner {
    /** Cells longer than this are scanned in their first this-many characters only (a bounded cost per cell). */
    static final int MAX_CELL_CHARS = 4_096;

    /** The entities of one cell: their types and their values, already masked. */
    record Hits(EntityType[] types, String[] masked) {
        static final Hits NONE = new Hits(new EntityType[0], new String[0]);

        boolean isEmpty() {
            return types.length == 0;
        }
    }

    private final EntityScanner engine;
    private final String prefix;

    CellScanner(EntityScanner engine, String contextPhrase) {
        this.engine = engine;
        this.prefix = contextPhrase == null ? "" : contextPhrase + ": ";
    }

    Hits scan(String value) {
        if (PlainNumbers.entityFree(value)) return Hits.NONE;
        String cell = value.length() > MAX_CELL_CHARS ? value.substring(0, MAX_CELL_CHARS) : value;
        String text = prefix + cell;
        List<Entity> entities;
        try {
            entities = engine.scan(text);
        } catch (InputTooLargeException e) {
            return Hits.NONE; // cannot happen under MAX_CELL_CHARS; a bounded engine refuses rather than cuts
        }
        if (entities.isEmpty()) return Hits.NONE;
        var types = new ArrayList<EntityType>();
        var masked = new ArrayList<String>();
        for (Entity e : entities) {
            if (e.start() < prefix.length()) continue; // the context phrase, not the value
            types.add(e.type());
            masked.add(Masking.mask(text.substring(e.start(), e.end())));
        }
        if (types.isEmpty()) return Hits.NONE;
        return new Hits(types.toArray(EntityType[]::new), masked.toArray(String[]::new));
    }
}
