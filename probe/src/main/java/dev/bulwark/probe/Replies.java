package dev.bulwark.probe;

import dev.bulwark.core.Masking;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.detect.Redactor;
import java.util.Locale;

/** What both prompt clients do the same way: send, and turn refusals and non-2xx replies into failures. */
final class Replies {
    private Replies() {
    }

    static PromptReply send(EngagementClient http, PromptClient client, HttpCall call) throws InterruptedException {
        try {
            return client.read(call, http.send(call));
        } catch (EngagementException e) {
            return new PromptReply.Failure(call, null, Verdict.ERROR,
                    e.reason().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
        }
    }

    static PromptReply.Failure notOk(HttpCall call, HttpReply reply) {
        return new PromptReply.Failure(call, reply, Verdict.ERROR, "HTTP " + reply.status() + ": " + excerpt(reply));
    }

    static PromptReply.Failure unreadable(HttpCall call, HttpReply reply, String why) {
        return new PromptReply.Failure(call, reply, Verdict.UNSCORABLE, why + ": " + excerpt(reply));
    }

    /** A short, masked look at a body: problems end up in reports. */
    static String excerpt(HttpReply reply) {
        return Masking.excerpt(Redactor.standard().mask(reply.bodyText().strip()), 160);
    }
}
