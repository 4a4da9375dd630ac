package dev.bulwark.cli;

import dev.bulwark.core.scope.ScopeDiscovery;
import dev.bulwark.core.scope.ScopeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented bulwark.yaml for what DIR holds: LLM endpoints named in .env/config files, "
                + "model files, dependency manifests, datasets.")
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Project folder to look at (default: the current folder).")
    Path dir;

    @Option(names = "--force", description = "Overwrite an existing bulwark.yaml.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
        Path file = dir.resolve("bulwark.yaml");
        if (Files.exists(file) && !force) {
            throw new BadInputException(file + ": already exists (use --force to overwrite)");
        }
        var discovery = new ScopeDiscovery().discover(dir);
        String yaml = ScopeWriter.write(discovery);
        DemoCommand.writeScope(dir, yaml);
        System.out.println("Wrote " + file.toAbsolutePath().normalize());
        System.out.printf("Looked at %d files%s: %d LLM endpoint(s), %d model file(s), %d dependency manifest(s), %d dataset(s).%n",
                discovery.filesExamined(), discovery.truncated() ? " (stopped at the file limit)" : "",
                discovery.endpoints().size(), discovery.models().size(), discovery.manifests().size(),
                discovery.datasets().size());
        System.out.println("Review it (targets, allowedHosts, asset classifications), then: ./bulwark assess --scope " + file);
        return ExitCode.OK;
    }
}
