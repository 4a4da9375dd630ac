package dev.bulwark.probe;

import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.PromptTarget;
import java.util.List;

/**
 * Talks to a target that takes a prompt and returns text, through the engagement's client (so every rule of
 * engagement applies). One implementation per {@link PromptTarget} kind; {@link #forTarget} picks it.
 *
 * <p>Checks that need to bend the request (drop the credential, add an {@code Origin}, break the body) take
 * {@link #call} and change it, then read the reply with {@link #read}.
 */
public sealed interface PromptClient permits ChatCompletionsClient, TemplatedHttpClient {
    /** Answer text beyond this is cut: evidence needs the start of a reply, not all of it. */
    int MAX_REPLY_CHARS = 64_000;

    static PromptClient forTarget(PromptTarget target, EngagementClient http) {
        return switch (target) {
            case LlmChatTarget chat -> new ChatCompletionsClient(chat, http);
            case HttpTarget templated -> new TemplatedHttpClient(templated, http);
        };
    }

    PromptTarget target();

    /** The request that carries {@code prompt}, with the target's credential and headers. */
    HttpCall call(String prompt);

    /**
     * The request that carries a whole conversation (earlier turns, then the latest user turn). A target that
     * {@linkplain #keepsHistory() keeps no history} gets only the last user turn.
     *
     * @throws IllegalArgumentException when the conversation has no user turn
     */
    HttpCall call(List<Message> conversation);

    /**
     * True when {@link #call(List)} delivers every turn, so the target sees the conversation as one; false when
     * it takes one prompt per request (a templated form without a session), so a multi-turn attack cannot be
     * carried and a check that needs one should say "not tested".
     */
    boolean keepsHistory();

    /**
     * A client for the same target in a fresh state that sends no credential at all: no {@code auth} header, no
     * session (no login, no cookies, no values a login would extract — their placeholders are left empty), and
     * none of the target's extra headers whose names mark a credential ({@link Credentials}). What an anonymous
     * caller who knows the endpoint would send.
     */
    PromptClient anonymous();

    /** Reads the answer out of a reply: a failure when it is not a 2xx or has no readable answer. */
    PromptReply read(HttpCall call, HttpReply reply);

    /** Sends a prompt and reads the reply. Network trouble comes back as a failure, not an exception. */
    default PromptReply ask(String prompt) throws InterruptedException {
        return exchange(call(prompt));
    }

    /** Sends a conversation and reads the reply. Network trouble comes back as a failure, not an exception. */
    default PromptReply ask(List<Message> conversation) throws InterruptedException {
        return exchange(call(conversation));
    }

    /** Sends a (possibly changed) call and reads the reply. */
    PromptReply exchange(HttpCall call) throws InterruptedException;
}
