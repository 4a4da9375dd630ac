package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bulwark.guard.webhook.WebhookPoster;
import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sends each signed checkpoint's anchor, once it is on disk (or committed), to a webhook the gateway's host does not
 * control: {@code {"type":"audit-anchor","instance","seq","hash","anchor":"SEQ:HASH","store","at"}}. The receiving
 * system then holds the receipts that {@code audit verify --anchor} checks, so records cut off the end of the log
 * show without anyone copying anchors by hand.
 */
final class AnchorWebhook implements Consumer<ChainLine>, AutoCloseable {
    private final WebhookPoster poster;
    private final String store;

    /** @param store names the log in the documents (its file name or "postgresql"), never a secret */
    AnchorWebhook(URI webhook, String store) {
        this.poster = new WebhookPoster(webhook, "audit.anchorWebhook", "the anchors are still in the log's checkpoints",
                WebhookPoster.DEFAULT_QUEUE, WebhookPoster.DEFAULT_TIMEOUT);
        this.store = store;
    }

    /** A stored, synced checkpoint: its anchor goes out; other records are ignored. */
    @Override
    public void accept(ChainLine line) {
        if (!RecordFormat.Type.CHECKPOINT.id.equals(line.type())) return;
        poster.post(JsonNodeFactory.instance.objectNode().put("type", "audit-anchor")
                .put("instance", line.instance()).put("seq", line.seq()).put("hash", line.hash())
                .put("anchor", Anchors.format(line.seq(), line.hash())).put("store", store)
                .put("at", Instant.now().toString()));
    }

    /** Lets the last anchors (the final checkpoint's) go out, for a few seconds at most, then closes. */
    @Override
    public void close() {
        poster.drainAndClose(WebhookPoster.DEFAULT_TIMEOUT);
    }
}
