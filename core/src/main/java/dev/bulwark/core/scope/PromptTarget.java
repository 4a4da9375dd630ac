package dev.bulwark.core.scope;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A network target that takes a prompt and returns text: the LLM probes run against any of these. */
public sealed interface PromptTarget extends Target permits LlmChatTarget, HttpTarget {
    URI url();

    Optional<Auth> auth();

    /** Strings planted in the target's system prompt; seeing one in a reply proves the prompt leaked. */
    List<String> systemPromptCanaries();

    /** True when the scope asks for streamed replies (server-sent events, {@code stream: true}). */
    boolean stream();

    /** What the owner pays per million tokens, when the scope says; only chat targets can say so today. */
    default Optional<Prices> prices() {
        return Optional.empty();
    }
}
