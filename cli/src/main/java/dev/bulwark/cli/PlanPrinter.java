package dev.bulwark.cli;

import dev.bulwark.core.engine.RunPlan;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.Prices;
import dev.bulwark.core.scope.Scope;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints what a run will send before it sends anything: requests per check, the total against the budget, and
 * a cost ceiling when the scope prices its targets. The cost assumes a typical probe prompt of
 * {@link #INPUT_TOKENS_PER_REQUEST} tokens and a full reply of the target's {@code max_tokens}: an upper bound,
 * since most replies are shorter.
 */
final class PlanPrinter {
    static final int INPUT_TOKENS_PER_REQUEST = 400;
    static final int DEFAULT_OUTPUT_TOKENS = 300;

    private final PrintStream out;

    PlanPrinter(PrintStream out) {
        this.out = out;
    }

    void print(RunPlan plan, Scope scope, String pack, long budgetLeft, int resumed) {
        out.printf("Plan (%s pack): %d check runs%s%n", pack, plan.entries().size(),
                resumed > 0 ? ", " + resumed + " already done (resumed)" : "");
        for (Map.Entry<String, Long> e : plan.perCheck().entrySet()) {
            out.printf("  %-40s %s%n", e.getKey(), e.getValue() < 0 ? "unknown" : e.getValue() + " requests");
        }
        out.printf("  %-40s %d requests%s (budget left: %d)%n", "total", plan.total(),
                plan.unknown().isEmpty() ? "" : " + unknown", budgetLeft);
        cost(plan, scope).ifPresent(c -> out.println("  estimated cost: at most " + c
                + " (" + INPUT_TOKENS_PER_REQUEST + " input tokens and a full max_tokens reply per request)"));
        out.println();
    }

    /** The cost ceiling over priced targets, e.g. "0.42 USD"; empty when no target is priced. */
    static Optional<String> cost(RunPlan plan, Scope scope) {
        Map<String, Double> byCurrency = new java.util.TreeMap<>();
        for (RunPlan.Entry e : plan.entries()) {
            if (!e.known()) continue;
            var target = scope.target(e.target());
            if (target.isEmpty() || !(target.get() instanceof LlmChatTarget chat) || chat.prices().isEmpty()) continue;
            Prices p = chat.prices().get();
            int output = chat.maxTokens().orElse(DEFAULT_OUTPUT_TOKENS);
            byCurrency.merge(p.currency(), e.requests() * p.cost(INPUT_TOKENS_PER_REQUEST, output), Double::sum);
        }
        if (byCurrency.isEmpty()) return Optional.empty();
        return Optional.of(String.join(" + ", byCurrency.entrySet().stream()
                .map(c -> String.format(Locale.ROOT, "%.4f %s", c.getValue(), c.getKey())).toList()));
    }
}
