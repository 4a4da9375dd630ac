package dev.bulwark.core.scope;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a discovered name holds, the writer's quoting reads back as exactly that text. */
class YamlTextPropertyTest {
    @Property(tries = 200)
    void quotedValuesReadBackUnchanged(@ForAll @StringLength(min = 1, max = 150) String value) throws Exception {
        String expected = value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                ? replaceLoneSurrogates(value) : value;
        String yaml = "engagement:\n  name: " + YamlText.quote(value) + "  # " + YamlText.comment(value)
                + "\nrules: {allowedHosts: [x]}\n";
        Scope scope = ScopeLoader.parse(yaml, Path.of("t.yaml"), Map.of());
        assertThat(scope.engagement().name()).isEqualTo(expected);
    }

    @Example
    void structureAndVariableSyntaxInValuesStayText() throws Exception {
        for (String value : new String[]{"${HOME}", "a\"\n  - id: x", "$${A}", "\\", "#not a comment", "\u2028x"}) {
            quotedValuesReadBackUnchanged(value);
        }
    }

    private static String replaceLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c));
        return out.toString();
    }
}
