package dev.bulwark.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and captures what it printed, as a user would see it. */
record CliRun(int exitCode, String out, String err) {

    static synchronized CliRun of(String... args) {
        var outBytes = new ByteArrayOutputStream();
        var errText = new StringWriter();
        PrintStream originalOut = System.out;
        try (var out = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            var cli = Main.commandLine(args);
            cli.setErr(new PrintWriter(errText, true));
            int code = cli.execute(args);
            return new CliRun(code, outBytes.toString(StandardCharsets.UTF_8), errText.toString());
        } finally {
            System.setOut(originalOut);
        }
    }
}
