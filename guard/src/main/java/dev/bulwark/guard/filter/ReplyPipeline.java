package dev.bulwark.guard.filter;

import dev.bulwark.detect.redact.StreamingRedactor;
import dev.bulwark.guard.pipeline.Pseudonyms;

/**
 * One streamed text (a choice's content, a tool call's arguments) through every output rule, in the order the whole
 * reply uses: the raw text is watched for leaks, markup neutralised, entities found and resolved, and, with
 * canaries configured, the end held back, and last a pseudonymized request's own values put back
 * ({@link PseudonymRestore}). What comes out of all {@link #accept} and {@link #finish} calls equals
 * {@link OutputRules#whole} of the entire text, restored. Not thread-safe: one per text.
 */
final class ReplyPipeline {
    private final OutputRules rules;
    private final DecisionTally tally;
    private final LeakRules.Watch watch;
    private final MarkupStream markup;
    private final StreamingRedactor redactor;
    private final CanaryHold hold;
    private final PseudonymRestore restore;
    private boolean done;

    /** @param pseudonyms the request's placeholders, put back in rendered text only (never in tool arguments) */
    ReplyPipeline(OutputRules rules, DecisionTally tally, boolean markupOn, Pseudonyms pseudonyms) {
        this.rules = rules;
        this.tally = tally;
        this.watch = rules.leaks().active() ? rules.leaks().watch() : null;
        this.markup = markupOn && rules.markup().active() ? new MarkupStream(rules.markup()) : null;
        this.redactor = rules.entities().active() ? rules.entities().streaming() : null;
        this.hold = rules.leaks().hasCanaries() ? new CanaryHold(rules.leaks().canarySkeletons()) : null;
        this.restore = markupOn && !pseudonyms.isEmpty() ? new PseudonymRestore(pseudonyms) : null;
    }

    Emission accept(String raw) {
        if (done || raw.isEmpty()) return Emission.NOTHING;
        if (watch != null) {
            LeakRules.Leak leak = watch.accept(raw);
            if (leak != null) return leaked(leak);
        }
        return pass(markup == null ? raw : markup.accept(raw), false);
    }

    Emission finish() {
        if (done) return Emission.NOTHING;
        if (watch != null) {
            LeakRules.Leak leak = watch.finish();
            if (leak != null) return leaked(leak);
        }
        String rest = markup == null ? "" : markup.finish();
        return pass(rest, true);
    }

    private Emission pass(String text, boolean last) {
        String out = text;
        boolean blocked = false;
        if (redactor != null) {
            String marked = redactor.accept(out);
            if (last) marked += redactor.finish();
            EntityStage.Resolved resolved = rules.entities().resolve(marked, tally);
            out = resolved.text();
            blocked = resolved.blocked();
        }
        if (hold != null) out = last || blocked ? hold.accept(out) + hold.finish() : hold.accept(out);
        if (restore != null) out = last || blocked ? restore.accept(out) + restore.finish() : restore.accept(out);
        if (last || blocked) end();
        return new Emission(out, blocked);
    }

    private Emission leaked(LeakRules.Leak leak) {
        tally.add(leak.detector, "blocked", 1, 1.0, "");
        end();
        return new Emission("", true);
    }

    private void end() {
        done = true;
        if (markup != null) OutputRules.countMarkup(rules.markup(), markup, tally);
        if (restore != null) PseudonymRestore.count(restore.restored(), tally);
    }

    /** Text to send now; {@code blocked} means the reply must end here (after {@code text}). */
    record Emission(String text, boolean blocked) {
        static final Emission NOTHING = new Emission("", false);
    }
}
