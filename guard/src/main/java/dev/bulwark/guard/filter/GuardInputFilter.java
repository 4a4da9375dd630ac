package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextSource;
import dev.bulwark.detect.redact.Redaction;
import dev.bulwark.detect.scope.ScopeMatch;
import dev.bulwark.detect.scope.TopicScope;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks request bodies in three phases, so a failing scanner never leaves a half-rewritten body: the shape (400 on
 * anything unexpected), then the scans (prompt injection, PII and secrets; nothing is changed yet), then the
 * rewrites (redaction, {@code max_tokens} cap, logprobs removal). Injection is scored per text: what users and the
 * system wrote as {@link dev.bulwark.detect.injection.TextSource#PROMPT}, tool and function results and marked
 * documents as {@link dev.bulwark.detect.injection.TextSource#DATA}; embeddings are not scanned for injection (no
 * model follows them). {@link Action#REDACT} makes no sense for injection and blocks. Thread-safe.
 */
final class GuardInputFilter implements InputFilter, AutoCloseable {
    /** The prompt text handed to the monitor and the audit is cut here. */
    static final int MAX_PROMPT_TEXT = 1 << 16;
    private static final int MAX_REASON = 48;
    /** What {@link #prepare} returns when there is nothing to look up (nearly always): one instance, not one a request. */
    private static final CompletableFuture<Void> NOTHING_TO_PREPARE = CompletableFuture.completedFuture(null);

    private final InputPolicy policy;
    private final boolean failClosed;
    private final boolean allowLogprobs;
    private final InjectionScorer injection;
    private final EntityPolicy entities;
    private final boolean learned;
    private final RecentScans recent = new RecentScans();
    private final ReleasedReplies released = new ReleasedReplies();
    private final SharedReplies shared;
    private final TopicScope topicScope;

    /** With a scorer that may be slow (a learned model): never run on the event loop. */
    GuardInputFilter(InputPolicy policy, boolean failClosed, boolean allowLogprobs, InjectionScorer injection,
                     EntityPolicy entities) {
        this(policy, failClosed, allowLogprobs, injection, entities, true);
    }

    /** @param learned whether {@code injection} runs a learned model (then the filter always runs on a worker) */
    GuardInputFilter(InputPolicy policy, boolean failClosed, boolean allowLogprobs, InjectionScorer injection,
                     EntityPolicy entities, boolean learned) {
        this(policy, failClosed, allowLogprobs, injection, entities, learned, null);
    }

    /** @param shared the replies every instance released, or null when this instance is alone (state: memory) */
    GuardInputFilter(InputPolicy policy, boolean failClosed, boolean allowLogprobs, InjectionScorer injection,
                     EntityPolicy entities, boolean learned, SharedReplies shared) {
        this(policy, failClosed, allowLogprobs, injection, entities, learned, shared, null);
    }

    /** @param topicScope the topic rail ({@link InputPolicy#scope()}), or null when there is none */
    GuardInputFilter(InputPolicy policy, boolean failClosed, boolean allowLogprobs, InjectionScorer injection,
                     EntityPolicy entities, boolean learned, SharedReplies shared, TopicScope topicScope) {
        this.topicScope = topicScope;
        this.shared = shared;
        this.learned = learned;
        this.policy = policy;
        this.failClosed = failClosed;
        this.allowLogprobs = allowLogprobs;
        this.injection = injection;
        this.entities = entities;
    }

    @Override
    public boolean cheapFor(long bodyBytes) {
        return (!learned || policy.injection() == Action.OFF) && topicScope == null
                && bodyBytes <= Filters.CHEAP_MAX_BYTES;
    }

    @Override
    public InputVerdict inspect(Route route, ObjectNode body, Caller caller) {
        var tally = new DecisionTally("input");
        List<TextSlot> slots;
        try {
            slots = RequestShape.read(route, body, policy.maxMessages());
        } catch (RequestShape.Invalid invalid) {
            tally.add("schema", "blocked", 1, 1.0, "");
            return refuse(Refusals.invalid(invalid.getMessage()), body, tally);
        }
        List<Found> found;
        Optional<ScopeMatch> scope;
        try {
            found = scan(route, slots, caller.clientId());
            scope = matchScope(route, slots);
        } catch (RuntimeException scannerFailed) {
            tally.add("scanner-error", failClosed ? "blocked" : "flagged", 1, 1.0,
                    scannerFailed.getClass().getSimpleName());
            if (failClosed) return refuse(Refusal.scannerError(), body, tally);
            limit(route, body, tally);
            return new InputVerdict(Optional.empty(), body, tally.decisions(), promptText(slots));
        }
        Optional<Refusal> refusal = judgeInjection(found, tally);
        if (refusal.isEmpty()) refusal = judgeScope(scope, tally);
        var pseudonyms = new PseudonymTable();
        Optional<Refusal> sensitive = judgeEntities(found, tally, pseudonyms);
        if (refusal.isEmpty()) refusal = sensitive;
        if (refusal.isPresent()) return new InputVerdict(refusal, body, tally.decisions(), "");
        limit(route, body, tally);
        return new InputVerdict(Optional.empty(), body, tally.decisions(), promptText(slots), pseudonyms.pseudonyms());
    }

    @Override
    public void replyReleased(Caller caller, String reply) {
        String digest = released.remember(caller.clientId(), reply);
        if (shared != null && digest != null) shared.add(caller.clientId(), digest);
    }

    /** Assistant turns this instance does not know as released are looked up among the other instances' replies. */
    @Override
    public CompletionStage<Void> prepare(Route route, ObjectNode body, Caller caller) {
        if (shared == null || route != Route.CHAT || !readsReleasedReplies() || caller.clientId() == null) {
            return NOTHING_TO_PREPARE;
        }
        List<String> unknown = new ArrayList<>();
        for (String text : RequestShape.assistantTexts(body, policy.maxMessages())) {
            if (text.isBlank()) continue;
            String digest = ReleasedReplies.digest(text);
            if (!released.containsDigest(caller.clientId(), digest)) unknown.add(digest);
        }
        if (unknown.isEmpty()) return NOTHING_TO_PREPARE;
        return shared.released(caller.clientId(), unknown)
                .thenAccept(known -> known.forEach(digest -> released.rememberDigest(caller.clientId(), digest)))
                .exceptionally(cannotTell -> null); // scored like any text: the safe side
    }

    /** Closes the connection to the shared replies, if any. */
    @Override
    public void close() {
        if (shared != null) shared.close();
    }

    /** Whether a released reply is read differently from other text: injection scored, or values pseudonymized. */
    private boolean readsReleasedReplies() {
        return policy.injection() != Action.OFF || entities.pii() == Action.PSEUDONYMIZE;
    }

    /** What the detectors found in each text; nothing is changed yet. */
    private List<Found> scan(Route route, List<TextSlot> slots, String client) {
        boolean injectionOn = policy.injection() != Action.OFF && route != Route.EMBEDDINGS;
        Optional<EntityScanner> scanner = entities.scanner();
        var found = new ArrayList<Found>(slots.size());
        boolean readsReleased = injectionOn || entities.pii() == Action.PSEUDONYMIZE;
        for (TextSlot slot : slots) {
            String text = slot.text();
            boolean ownReply = readsReleased && slot.role().equals("assistant") && released.contains(client, text);
            TextSource source = injectionOn && !text.isBlank() && !ownReply ? slot.source() : null;
            RecentScans.Scanned scanned = recent.get(client, text, source, () -> new RecentScans.Scanned(
                    source == null ? null : injection.score(text, source),
                    scanner.isPresent() ? scanner.get().scan(text) : List.of()));
            found.add(new Found(slot, scanned.injection(), scanned.entities(), ownReply));
        }
        return found;
    }

    /**
     * The topic rail reads the user's latest turn: every user text after the last text of anyone else, joined (all
     * parts of the last message, and user messages sent in a row), since the reply answers those; earlier turns were
     * judged when they were sent. A marked pasted document is data, not a request.
     */
    private Optional<ScopeMatch> matchScope(Route route, List<TextSlot> slots) {
        if (topicScope == null || (route != Route.CHAT && route != Route.COMPLETIONS)) return Optional.empty();
        var latest = new ArrayDeque<String>();
        for (int i = slots.size() - 1; i >= 0; i--) {
            TextSlot slot = slots.get(i);
            if (!userWritten(slot)) {
                if (latest.isEmpty()) continue;
                break;
            }
            if (slot.source() == TextSource.PROMPT && !slot.text().isBlank()) latest.addFirst(slot.text());
        }
        return latest.isEmpty() ? Optional.empty() : Optional.of(topicScope.match(String.join("\n", latest)));
    }

    private Optional<Refusal> judgeScope(Optional<ScopeMatch> scope, DecisionTally tally) {
        if (scope.isEmpty() || scope.get().inScope()) return Optional.empty();
        boolean flagOnly = policy.scope().action() == Action.FLAG;
        tally.add("scope", flagOnly ? "flagged" : "blocked", 1, Math.max(0, scope.get().similarity()), "off-topic");
        return flagOnly ? Optional.empty() : Optional.of(Refusals.offTopic());
    }

    private Optional<Refusal> judgeInjection(List<Found> found, DecisionTally tally) {
        Action action = policy.injection();
        for (Found f : found) {
            if (f.injection == null || f.injection.score() < policy.injectionThreshold()) continue;
            String why = f.slot.source().name().toLowerCase(java.util.Locale.ROOT)
                    + (f.injection.reasons().isEmpty() ? "" : ":" + shortReason(f.injection.reasons().get(0)));
            tally.add("injection", action == Action.FLAG ? "flagged" : "blocked", 1, f.injection.score(), why);
        }
        boolean hit = found.stream().anyMatch(f -> f.injection != null && f.injection.score() >= policy.injectionThreshold());
        return hit && action != Action.FLAG ? Optional.of(Refusals.promptBlocked()) : Optional.empty();
    }

    /**
     * Records, blocks or rewrites what the entity scan found. Pseudonymized values get their placeholders from what
     * the client has seen — the user's own turns ({@link #userWritten}) and replies this gateway released to it —
     * first, so a value also quoted in a tool result or the system prompt reads the same there; a value only the
     * application put into the request (a retrieved customer record, staff contacts in the system prompt) is
     * redacted instead, since the reply gets placeholders' values back and the output filter would have kept those
     * from the user.
     */
    private Optional<Refusal> judgeEntities(List<Found> found, DecisionTally tally, PseudonymTable pseudonyms) {
        boolean block = false;
        for (Found f : found) {
            if (!userWritten(f.slot) && !f.ownReply) continue;
            for (Entity e : f.entities) {
                if (entities.actionFor(e.type()) == Action.PSEUDONYMIZE) {
                    pseudonyms.placeholderFor(e.type(), f.slot.text().substring(e.start(), e.end()));
                }
            }
        }
        for (Found f : found) {
            var rewrite = new ArrayList<Entity>();
            for (Entity e : f.entities) {
                Action action = entities.actionFor(e.type());
                tally.add(EntityPolicy.detector(e.type()), EntityPolicy.verb(action), 1, e.score(), e.type().name());
                if (action == Action.BLOCK) block = true;
                if (action == Action.REDACT || action == Action.PSEUDONYMIZE) rewrite.add(e);
            }
            if (!rewrite.isEmpty()) {
                f.slot.replace(Redaction.apply(f.slot.text(), rewrite, (type, value) ->
                        entities.actionFor(type) == Action.PSEUDONYMIZE && pseudonyms.has(type, value)
                                ? pseudonyms.placeholderFor(type, value) : type.tag()));
            }
        }
        return block ? Optional.of(Refusals.sensitiveDataBlocked()) : Optional.empty();
    }

    /** Text the end user wrote (chat {@code user} turns, a completion prompt), not the application. */
    private static boolean userWritten(TextSlot slot) {
        return slot.role().equals("user") || slot.role().equals("prompt");
    }

    /** Caps the completion length and drops logprobs requests. */
    private void limit(Route route, ObjectNode body, DecisionTally tally) {
        if (route != Route.CHAT && route != Route.COMPLETIONS) return;
        Integer cap = policy.maxTokens();
        if (cap != null) {
            boolean present = false;
            for (String field : List.of("max_tokens", "max_completion_tokens")) {
                JsonNode value = body.get(field);
                if (value == null || value.isNull()) continue;
                present = true;
                if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() > cap || value.asLong() < 0) {
                    body.put(field, cap);
                    tally.add("max-tokens", "capped", 1, 1.0, field);
                }
            }
            if (!present) {
                body.put("max_tokens", cap);
                tally.add("max-tokens", "capped", 1, 1.0, "max_tokens");
            }
        }
        if (!allowLogprobs) {
            int removed = 0;
            for (String field : List.of("logprobs", "top_logprobs")) {
                JsonNode value = body.get(field);
                if (value == null) continue;
                body.remove(field);
                if (!value.isNull() && !(value.isBoolean() && !value.asBoolean())) removed++;
            }
            if (removed > 0) tally.add("logprobs", "stripped", removed, 1.0, "");
        }
    }

    private static String promptText(List<TextSlot> slots) {
        var text = new StringBuilder();
        for (TextSlot slot : slots) {
            if (!slot.visible()) continue;
            if (!text.isEmpty()) text.append('\n');
            text.append(slot.text());
            if (text.length() >= MAX_PROMPT_TEXT) return text.substring(0, MAX_PROMPT_TEXT);
        }
        return text.toString();
    }

    private static InputVerdict refuse(Refusal refusal, ObjectNode body, DecisionTally tally) {
        return new InputVerdict(Optional.of(refusal), body, tally.decisions(), "");
    }

    private static String shortReason(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    /** @param ownReply an assistant turn that is a reply this gateway released to the same client */
    private record Found(TextSlot slot, InjectionScore injection, List<Entity> entities, boolean ownReply) {
    }
}
