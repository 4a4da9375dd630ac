package dev.bulwark.kb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The controls catalog ({@code controls.yaml}), in file order. */
final class ControlCatalog {
    static final String FILE = "controls.yaml";

    private ControlCatalog() {
    }

    static Map<String, Control> load(String resource) {
        var controls = new LinkedHashMap<String, Control>();
        for (Row row : Yaml.readList(resource, Row.class)) {
            Control control = row.toControl(resource);
            if (controls.putIfAbsent(control.id(), control) != null) {
                throw new IllegalStateException(resource + ": duplicate control " + control.id());
            }
        }
        return Collections.unmodifiableMap(controls);
    }

    record Row(String id, String title, String description, String bookSection, String bulwarkFeature, String kind) {
        Control toControl(String resource) {
            if (id == null || !id.matches("[a-z][a-z0-9-]*")) throw new IllegalStateException(resource + ": bad control id " + id);
            Control.Kind k;
            try {
                k = Control.Kind.valueOf(required(resource, "kind", kind).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ": control " + id + " has unknown kind " + kind);
            }
            return new Control(id, required(resource, "title", title), required(resource, "description", description),
                    required(resource, "bookSection", bookSection), bulwarkFeature == null ? "" : bulwarkFeature.trim(), k);
        }

        private String required(String resource, String field, String value) {
            if (value == null || value.isBlank()) throw new IllegalStateException(resource + ": control " + id + " lacks " + field);
            return value.trim();
        }
    }
}
