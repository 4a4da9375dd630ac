package dev.bulwark.cli.demo;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulated assistant: an ordered list of {@link Rule}s and, in hardened mode, an output guard. Deterministic
 * and stateless — the same conversation always gets the same answer — and thread-safe.
 */
final class Molly {
    static final String MODEL = "molly-sim-1";
    static final String FALLBACK = "I'm not sure about that one. I can help with opening hours, returns, repairs,"
            + " delivery, rentals, warranty and your orders — or call the shop on (555) 0100.";

    private final List<Rule> rules;
    private final UnaryOperator<String> guard;

    private Molly(List<Rule> rules, UnaryOperator<String> guard) {
        this.rules = List.copyOf(rules);
        this.guard = guard;
    }

    /** Every planted weakness switched on. */
    static Molly vulnerable() {
        return new Molly(List.of(new Rule.PromptDisclosure(), new Rule.Jailbroken(), new Rule.ObeyOverride(),
                new Rule.FollowHidden(), new Rule.RiskyOutput(true), new Rule.CustomerLookup(true), new Rule.Greeting(),
                new Rule.FaqAnswer(FaqEntry.BRIGHTSIDE)), UnaryOperator.identity());
    }

    /** The same assistant with each weakness fixed, and an output filter as a second line of defence. */
    static Molly hardened() {
        return new Molly(List.of(
                new Rule.Refusal(q -> ExtractionIntent.detect(q.foldedWithoutCues()).isPresent(),
                        "Sorry, I can't share how I'm configured. Can I help with something about your bike?"),
                new Rule.Refusal(Question::cue,
                        "I can't change how I work, but I'm happy to help with a Brightside Cycles question."),
                new Rule.Refusal(q -> JailbreakIntent.framed(q) || OffTopicTask.requested(q),
                        "Sorry, I can only help with Brightside Cycles questions: bikes, repairs, rentals and orders."),
                new Rule.RiskyOutput(false), new Rule.CustomerLookup(false), new Rule.Greeting(),
                new Rule.FaqAnswer(FaqEntry.BRIGHTSIDE)),
                OutputGuard::redact);
    }

    /** Both modes read disguised input the way a model does ({@link Disguise}); only the rules differ. */
    String answer(Question q) {
        Question seen = q.revealed();
        String reply = rules.stream().map(r -> r.answer(seen)).flatMap(Optional::stream).findFirst().orElse(FALLBACK);
        return guard.apply(reply);
    }
}
