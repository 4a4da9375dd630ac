package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark audit …}: the gateway's tamper-evident audit log. Subcommands: {@code verify}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the gateway's tamper-evident audit log (see docs/audit.md).",
        subcommands = {AuditVerifyCommand.class})
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
