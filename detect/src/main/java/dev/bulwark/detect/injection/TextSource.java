package dev.bulwark.detect.injection;

/**
 * Where a text comes from, which changes what counts as an injection. A user may legitimately tell the assistant
 * how to shape its reply ("translate your answer into Spanish"); the same sentence inside an e-mail, web page,
 * retrieved document or tool result the model is asked to read is an instruction planted in data — the indirect
 * injection route. Callers that know the boundary (a gateway sees {@code tool} messages and retrieved context;
 * an application knows which text it fetched) should say so: only then can planted instructions be told apart.
 */
public enum TextSource {
    /** What a user typed to the assistant. */
    PROMPT,
    /** Content the model reads on the user's behalf: documents, e-mails, web pages, tool results. */
    DATA
}
