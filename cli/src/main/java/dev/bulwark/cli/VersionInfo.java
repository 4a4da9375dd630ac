package dev.bulwark.cli;

import dev.bulwark.report.ReportWriter.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The tool's name and version, stamped into the jar at build time. */
public final class VersionInfo implements CommandLine.IVersionProvider {

    public static ToolInfo tool() {
        var props = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToolInfo(props.getProperty("name", "bulwark"), props.getProperty("version", "dev"));
    }

    @Override
    public String[] getVersion() {
        var tool = tool();
        return new String[] {tool.name() + " " + tool.version(), "Java " + Runtime.version()};
    }
}
