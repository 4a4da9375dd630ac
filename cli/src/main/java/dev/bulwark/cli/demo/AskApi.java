package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/ask} with {@code {"q": "..."}}: the shop website's help form, same assistant, simpler shape. */
final class AskApi implements Handler<RoutingContext> {
    private final Molly molly;

    AskApi(Molly molly) {
        this.molly = molly;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String q;
        try {
            q = ChatRequest.string(ctx.body().asJsonObject(), "q");
            if (q == null) throw new IllegalArgumentException("q is required");
        } catch (RuntimeException e) {
            ctx.fail(400, e);
            return;
        }
        ctx.json(new JsonObject().put("answer", molly.answer(Question.of(q))));
    }
}
