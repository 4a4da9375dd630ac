package dev.bulwark.probe;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation sent to a prompt target: {@code role} is {@code system}, {@code user} or
 * {@code assistant} (the chat-completions vocabulary), {@code content} the text.
 */
public record Message(String role, String content) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public Message {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        if (!role.equals(SYSTEM) && !role.equals(USER) && !role.equals(ASSISTANT)) {
            throw new IllegalArgumentException("role must be system, user or assistant: " + role);
        }
    }

    public static Message user(String content) {
        return new Message(USER, content);
    }

    public static Message assistant(String content) {
        return new Message(ASSISTANT, content);
    }

    public static Message system(String content) {
        return new Message(SYSTEM, content);
    }

    public boolean fromUser() {
        return role.equals(USER);
    }

    /** The last user turn: what a target that takes one prompt per request gets of a conversation. */
    public static String lastUserTurn(List<Message> conversation) {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).fromUser()) return conversation.get(i).content();
        }
        throw new IllegalArgumentException("the conversation has no user turn");
    }
}
