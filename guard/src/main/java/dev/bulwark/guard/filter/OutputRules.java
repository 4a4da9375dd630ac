package dev.bulwark.guard.filter;

import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ToolCallAction;
import dev.bulwark.guard.pipeline.Pseudonyms;

/**
 * Every output rule, built once per {@link dev.bulwark.guard.config.OutputPolicy} and shared by all replies:
 * markup neutralisation, PII and secrets, leak detection. Immutable and thread-safe.
 */
record OutputRules(MarkupPolicy markup, EntityStage entities, LeakRules leaks, boolean allowLogprobs,
                   ToolCallAction toolCalls) {

    /**
     * One whole text: the reply's {@code text} after every rule, or {@code blocked} when it must be withheld.
     *
     * @param markupOn false for text that is not rendered (tool call arguments)
     */
    Filtered whole(String text, DecisionTally tally, boolean markupOn) {
        LeakRules.Leak leak = leaks.check(text);
        if (leak != null) {
            tally.add(leak.detector, "blocked", 1, 1.0, "");
            return new Filtered("", true);
        }
        String out = text;
        if (markupOn && markup.active()) {
            var stream = new MarkupStream(markup);
            out = stream.accept(text) + stream.finish();
            countMarkup(markup, stream, tally);
        }
        if (entities.active()) {
            EntityStage.Resolved resolved = entities.resolve(entities.mark(out), tally);
            if (resolved.blocked()) return new Filtered(resolved.text(), true);
            out = resolved.text();
        }
        return new Filtered(out, false);
    }

    ReplyPipeline pipeline(DecisionTally tally, boolean markupOn) {
        return pipeline(tally, markupOn, Pseudonyms.NONE);
    }

    ReplyPipeline pipeline(DecisionTally tally, boolean markupOn, Pseudonyms pseudonyms) {
        return new ReplyPipeline(this, tally, markupOn, pseudonyms);
    }

    static void countMarkup(MarkupPolicy policy, MarkupStream stream, DecisionTally tally) {
        if (stream.imagesRemoved() > 0) {
            tally.add("markdown-image", "stripped", stream.imagesRemoved(), 1.0, policy.images().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (stream.tagsNeutralised() > 0) {
            tally.add("html", policy.html() == HtmlAction.STRIP ? "stripped" : "escaped", stream.tagsNeutralised(), 1.0, "");
        }
    }

    /** A filtered text; when {@code blocked}, the reply is withheld ({@code text} is what came before the cause). */
    record Filtered(String text, boolean blocked) {
    }
}
