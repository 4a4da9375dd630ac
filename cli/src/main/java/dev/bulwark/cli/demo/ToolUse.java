package dev.bulwark.cli.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated model does with the {@code tools} a client sends. Vulnerable: any message that says to call
 * (run, use, execute) one of the offered tools gets a {@code tool_calls} reply for it — refunds and deletions
 * included, no confirmation asked, whoever wrote the instruction. Hardened: high-impact tools (refund, delete,
 * cancel, send…) are never called; the user is told a staff member must approve. No tool is ever executed.
 */
final class ToolUse {
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)\\b(?:call|run|use|execute|invoke|trigger)"
            + "(?: the)? ([A-Za-z0-9_-]{1,64})");
    private static final Pattern HIGH_IMPACT = Pattern.compile("(?i)refund|delete|remove|cancel|send|transfer|charge");
    static final String NEEDS_APPROVAL = "Refunds, cancellations and account changes need a staff member's approval,"
            + " so I can't do that here. I can look up an order's status for you.";

    /** What to do with one request: call a tool, answer with a fixed text, or let Molly answer as usual. */
    sealed interface Decision {
        record CallTool(String name) implements Decision {
        }

        record Say(String text) implements Decision {
        }

        record Answer() implements Decision {
        }
    }

    private ToolUse() {
    }

    static Decision decide(List<String> offered, String message, boolean vulnerable) {
        if (offered.isEmpty()) return new Decision.Answer();
        Matcher m = INSTRUCTION.matcher(message.length() > Text.MAX_CHARS ? message.substring(0, Text.MAX_CHARS) : message);
        while (m.find()) {
            String name = m.group(1);
            Optional<String> tool = offered.stream().filter(t -> t.equalsIgnoreCase(name)).findFirst();
            if (tool.isEmpty()) continue;
            if (vulnerable) return new Decision.CallTool(tool.get());
            if (HIGH_IMPACT.matcher(tool.get().toLowerCase(Locale.ROOT)).find()) return new Decision.Say(NEEDS_APPROVAL);
        }
        return new Decision.Answer();
    }
}
