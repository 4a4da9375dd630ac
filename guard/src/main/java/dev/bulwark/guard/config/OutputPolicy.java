package dev.bulwark.guard.config;

import java.util.List;

/**
 * @param systemPromptCanaries strings planted in the system prompt; a reply containing one is blocked
 * @param systemPromptFile     the system prompt itself (optional): long verbatim runs of it in a reply are blocked
 * @param markdownImages       external markdown images are the exfiltration channel of indirect injection
 * @param allowedImageHosts    hosts whose images stay with {@link ImageAction#STRIP_EXTERNAL}
 * @param allowLogprobs        logprobs make extraction cheaper; stripped from replies unless allowed
 * @param toolCalls            a reply that calls a function the request did not offer (and so, with
 *                             {@code roles[].tools}, possibly one the caller may not use): an app that dispatches by
 *                             name would run it
 */
public record OutputPolicy(Action pii, Action secrets, List<String> systemPromptCanaries,
                           java.nio.file.Path systemPromptFile, ImageAction markdownImages,
                           List<String> allowedImageHosts, HtmlAction html, boolean allowLogprobs,
                           ToolCallAction toolCalls) {
    public OutputPolicy {
        systemPromptCanaries = List.copyOf(systemPromptCanaries);
        allowedImageHosts = List.copyOf(allowedImageHosts);
    }

    public enum ImageAction { STRIP_EXTERNAL, STRIP_ALL, KEEP }

    public enum HtmlAction { ESCAPE, STRIP, KEEP }

    public enum ToolCallAction { BLOCK, FLAG, OFF }
}
