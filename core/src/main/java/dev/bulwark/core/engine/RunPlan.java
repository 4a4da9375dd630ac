package dev.bulwark.core.engine;

import dev.bulwark.core.Check;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * What a run will send, before it sends anything: each check on each target it handles with the requests it
 * expects ({@link Check#plannedRequests}), so the CLI can print the plan and refuse one that exceeds the budget.
 * A check that cannot estimate counts as unknown, and the total then is a lower bound.
 */
public record RunPlan(List<Entry> entries) {
    public RunPlan {
        entries = List.copyOf(entries);
    }

    /** One check on one target; {@code requests} is {@link Check#UNKNOWN_REQUESTS} when the check cannot say. */
    public record Entry(String check, String target, int requests) {
        public boolean known() {
            return requests >= 0;
        }
    }

    /** The plan of {@code checks} over the scope's targets, leaving out pairs {@code skip} says are done already. */
    public static RunPlan of(Scope scope, List<? extends Check> checks, BiPredicate<String, String> skip) {
        CheckRegistry registry = CheckRegistry.of(checks);
        List<Entry> entries = new ArrayList<>();
        for (Target target : scope.targets()) {
            for (Check check : registry.checks()) {
                String id = registry.descriptor(check).id();
                if (skip.test(id, target.id()) || !handlesQuietly(check, target)) continue;
                entries.add(new Entry(id, target.id(), estimate(check, target, scope)));
            }
        }
        return new RunPlan(entries);
    }

    public static RunPlan of(Scope scope, List<? extends Check> checks) {
        return of(scope, checks, (c, t) -> false);
    }

    /** The sum of the known estimates. */
    public long total() {
        return entries.stream().filter(Entry::known).mapToLong(Entry::requests).sum();
    }

    /** Checks (ids) that could not estimate their requests. */
    public List<String> unknown() {
        return entries.stream().filter(e -> !e.known()).map(Entry::check).distinct().toList();
    }

    /** Requests per check id over all targets, in plan order; -1 when any of its targets is unknown. */
    public Map<String, Long> perCheck() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.merge(e.check(), (long) e.requests(), (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        }
        return out;
    }

    private static boolean handlesQuietly(Check check, Target target) {
        try {
            return check.handles(target);
        } catch (RuntimeException e) {
            return false; // the engagement records the failure when it runs; a plan only counts requests
        }
    }

    private static int estimate(Check check, Target target, Scope scope) {
        try {
            int n = check.plannedRequests(target, scope.rules());
            if (n < 0) return Check.UNKNOWN_REQUESTS;
            // each check run on a stateful target logs in once before its first prompt
            boolean login = target instanceof dev.bulwark.core.scope.HttpTarget h && h.session().isPresent();
            int judge = n > 0 && check.consultsJudge()
                    ? scope.judge().map(j -> j.maxCallsPerCheck()).orElse(0) : 0;
            return (n > 0 && login ? n + 1 : n) + judge;
        } catch (RuntimeException e) {
            return Check.UNKNOWN_REQUESTS;
        }
    }
}
