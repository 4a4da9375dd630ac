package dev.bulwark.probe;

import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back for one prompt: either an {@link Answer} (a 2xx reply whose text could be read) or a
 * {@link Failure}, which is an ERROR (nothing came back, or not a 2xx) or UNSCORABLE (a 2xx that could not be
 * read). A failure is never a pass.
 */
public sealed interface PromptReply {
    HttpCall call();

    /** The HTTP reply, when one arrived. */
    Optional<HttpReply> http();

    /** A readable answer; {@code text} is capped at {@link PromptClient#MAX_REPLY_CHARS}. */
    record Answer(HttpCall call, HttpReply reply, String text) implements PromptReply {
        public Answer {
            Objects.requireNonNull(reply, "reply");
            text = cap(text == null ? "" : text);
        }

        @Override
        public Optional<HttpReply> http() {
            return Optional.of(reply);
        }
    }

    /** No answer: {@code verdict} is ERROR or UNSCORABLE, {@code problem} says why; {@code reply} may be null. */
    record Failure(HttpCall call, HttpReply reply, Verdict verdict, String problem) implements PromptReply {
        public Failure {
            if (verdict != Verdict.ERROR && verdict != Verdict.UNSCORABLE) {
                throw new IllegalArgumentException("a failure is an error or unscorable, not " + verdict);
            }
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public Optional<HttpReply> http() {
            return Optional.ofNullable(reply);
        }

        /** The HTTP status, or 0 when no reply arrived. */
        public int status() {
            return reply == null ? 0 : reply.status();
        }
    }

    private static String cap(String text) {
        return text.length() <= PromptClient.MAX_REPLY_CHARS ? text : text.substring(0, PromptClient.MAX_REPLY_CHARS);
    }
}
