package dev.bulwark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN's dependency directions between modules, checked on the compiled classes of every module. */
class ModuleBoundariesTest {
    private static final List<String> MODULES =
            List.of("core", "kb", "detect", "probe", "supply", "data", "correlate", "report", "guard", "cli");

    /** Module → the modules it may use (besides itself). */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "core", List.of(),
            "kb", List.of("core"),
            "detect", List.of(),
            "probe", List.of("detect", "kb", "core"),
            "supply", List.of("detect", "kb", "core"),
            "data", List.of("detect", "kb", "core"),
            "correlate", List.of("kb", "core"),
            "report", List.of("correlate", "kb", "core"),
            "guard", List.of("detect", "kb", "core"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulwark");
    }

    static Stream<Arguments> rules() {
        return ALLOWED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} uses only {1}")
    @MethodSource("rules")
    void moduleUsesOnlyAllowedModules(String module, List<String> allowed) {
        String[] forbidden = MODULES.stream()
                .filter(m -> !m.equals(module) && !allowed.contains(m))
                .map(m -> "dev.bulwark." + m + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.bulwark." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true)
                .check(classes);
    }
}
