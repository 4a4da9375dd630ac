package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainCommandLineTest {
    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertThat(Main.commandLine("data", "dp", "x.csv").getSubcommands()).containsOnlyKeys("data");
        assertThat(Main.commandLine("data").getSubcommands().get("data").getSubcommands()).containsKey("dp");
    }

    @Test
    void duckDbOpensEarlyOnlyForCommandsThatReadTables() {
        assertThat(Main.readsTables("data", "dp", "x.csv")).isTrue();
        assertThat(Main.readsTables("scan", "data", "x.csv")).isTrue();
        assertThat(Main.readsTables("scan", "model", "x.pkl")).isFalse();
        assertThat(Main.readsTables("scan")).isFalse();
        assertThat(Main.readsTables("guard")).isFalse();
        assertThat(Main.readsTables()).isFalse();
    }

    @Test
    void helpVersionNoCommandAndUnknownCommandsSeeThemAll() {
        int all = Main.COMMANDS.size();
        assertThat(Main.commandLine().getSubcommands()).hasSize(all);
        assertThat(Main.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(Main.commandLine("help", "data").getSubcommands()).hasSize(all);
        assertThat(Main.commandLine("asses").getSubcommands()).hasSize(all);
    }

    @Test
    void theHelpListsEveryCommandAndAnUnknownOneIsAUsageError() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("demo", "assess", "guard", "data", "verify");
        CliRun typo = CliRun.of("asses");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("asses");
    }
}
