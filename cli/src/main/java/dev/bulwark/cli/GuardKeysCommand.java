package dev.bulwark.cli;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardConfigLoader;
import dev.bulwark.guard.config.GuardDefaults;
import dev.bulwark.guard.config.KeysFile;
import dev.bulwark.guard.config.RoleConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark guard keys add|list|remove}: the API keys of the gateway's clients. A new key is printed once, on
 * stdout alone (so {@code KEY=$(bulwark guard keys add app)} works); only its SHA-256 is stored, in the keys file
 * {@code guard.yaml} names. The config is loaded first, so a bad one exits 2 with its file, line and field.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Issue, list and remove the gateway's client API keys (only their SHA-256 is stored).",
        subcommands = {GuardKeysCommand.Add.class, GuardKeysCommand.ListKeys.class, GuardKeysCommand.Remove.class})
final class GuardKeysCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every subcommand shares. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE", defaultValue = "guard.yaml",
                description = "The gateway's config (default: ${DEFAULT-VALUE}); it names the keys file and the roles.")
        Path config;

        GuardConfig load() throws ConfigException {
            return GuardConfigLoader.load(config, System.getenv());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Issue a new key for client NAME; it is printed once, store it now.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The client's id: letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--roles", paramLabel = "ROLE", split = ",",
                description = "Roles of the client, comma-separated (default: chat).")
        List<String> roles = new ArrayList<>(GuardDefaults.CLIENT_ROLES);

        @Override
        public Integer call() throws ConfigException, IOException {
            GuardConfig config = options.load();
            Set<String> defined = config.roles().stream().map(RoleConfig::name).collect(Collectors.toSet());
            for (String role : roles) {
                if (!defined.contains(role)) {
                    throw new BadInputException("--roles: role '" + role + "' is not defined in " + options.config
                            + " (defined: " + String.join(", ", defined.stream().sorted().toList()) + ")");
                }
            }
            if (config.clients().stream().anyMatch(c -> c.id().equals(name))) {
                throw new BadInputException("a client named '" + name + "' already exists (see: bulwark guard keys list)");
            }
            KeysFile.IssuedKey issued = KeysFile.at(config.keysFile()).add(name, List.copyOf(roles), Instant.now());
            PrintWriter err = spec.commandLine().getErr();
            err.println("bulwark: added client '" + name + "' (roles: " + String.join(", ", roles) + ") to "
                    + config.keysFile() + " (a running gateway accepts it within seconds). The key below is shown only"
                    + " this once: store it now.");
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(issued.key());
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the clients: those of the keys file and those of the config.")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws ConfigException {
            GuardConfig config = options.load();
            List<KeysFile.Entry> issued = KeysFile.at(config.keysFile()).list();
            Set<String> fromFile = issued.stream().map(KeysFile.Entry::id).collect(Collectors.toSet());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-32s %-24s %-10s %-20s %s%n", "CLIENT", "ROLES", "AUTH", "CREATED", "SOURCE");
            for (KeysFile.Entry e : issued) {
                out.printf("%-32s %-24s %-10s %-20s %s%n", e.id(), String.join(",", e.roles()),
                        "key " + e.keySha256().substring(0, 6), e.created(), config.keysFile().getFileName());
            }
            for (ClientConfig c : config.clients()) {
                if (fromFile.contains(c.id())) continue;
                out.printf("%-32s %-24s %-10s %-20s %s%n", c.id(), String.join(",", c.roles()),
                        c.keySha256() == null ? "jwt" : "key " + c.keySha256().substring(0, 6), "-",
                        options.config.getFileName());
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove client NAME's key from the keys file; a running gateway refuses it within seconds.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The client's id.")
        String name;

        @Override
        public Integer call() throws ConfigException, IOException {
            GuardConfig config = options.load();
            if (!KeysFile.at(config.keysFile()).remove(name)) {
                boolean inConfig = config.clients().stream().anyMatch(c -> c.id().equals(name));
                throw new BadInputException(inConfig
                        ? "'" + name + "' is a client of " + options.config + ", not of the keys file: edit the config"
                        : "no key named '" + name + "' in " + config.keysFile());
            }
            spec.commandLine().getErr().println("bulwark: removed the key of '" + name + "' from " + config.keysFile());
            spec.commandLine().getErr().flush();
            return ExitCode.OK;
        }
    }
}
