package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;

/** Token counts of one exchange: what the upstream reported, else an estimate of about four characters a token. */
record Usage(long promptTokens, long completionTokens) {
    static final Usage NONE = new Usage(-1, -1);

    /** The {@code usage} object of an OpenAI reply or chunk, or {@link #NONE}. */
    static Usage reported(JsonNode reply) {
        JsonNode usage = reply.path("usage");
        if (!usage.isObject()) return NONE;
        return new Usage(usage.path("prompt_tokens").asLong(-1), usage.path("completion_tokens").asLong(-1));
    }

    static long estimate(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    /** Fills what was not reported from the texts. */
    Usage orEstimate(String prompt, String completion) {
        return new Usage(promptTokens >= 0 ? promptTokens : estimate(prompt),
                completionTokens >= 0 ? completionTokens : estimate(completion));
    }

    long total() {
        return Math.max(0, promptTokens) + Math.max(0, completionTokens);
    }
}
