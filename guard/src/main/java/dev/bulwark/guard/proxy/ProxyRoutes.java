package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.CorsPolicy;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Set;

/**
 * The client-facing routes: the four OpenAI-compatible ones through the {@link RequestPipeline}, CORS only for
 * listed origins, and clean JSON for everything else (unknown paths, wrong methods, any failure the pipeline did
 * not turn into a reply itself).
 */
final class ProxyRoutes {
    private ProxyRoutes() {
    }

    static Router router(Vertx vertx, RequestPipeline pipeline, ExchangeRecorder recorder, CorsPolicy cors,
            ClientAddresses addresses) {
        Router router = Router.router(vertx);
        router.route().handler(rc -> {
            HttpServerRequest request = rc.request();
            String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            Exchange ex = new Exchange(addresses.of(peer, () -> request.headers().getAll(addresses.headerName())));
            rc.put(Exchange.KEY, ex);
            rc.response().headersEndHandler(v -> ReplyHeaders.apply(rc.response().headers(), ex));
            rc.next();
        });
        if (cors != null && !cors.allowedOrigins().isEmpty()) router.route().handler(corsHandler(cors));
        for (Route route : Route.values()) {
            HttpMethod method = route == Route.MODELS ? HttpMethod.GET : HttpMethod.POST;
            router.route(route.path()).handler(rc -> {
                if (rc.request().method().equals(method)) pipeline.handle(rc, route);
                else reject(rc, recorder, ErrorReplies.methodNotAllowed(), route);
            });
        }
        router.route().last().handler(rc -> reject(rc, recorder, ErrorReplies.notFound(), null));
        for (int status : new int[] {400, 403, 404, 405, 413, 500}) {
            router.errorHandler(status, rc -> {
                Refusal refusal = status == 500 ? ErrorReplies.internal()
                        : Refusal.of(status, "invalid_request_error", "request_rejected", "Request rejected.");
                if (status == 404) refusal = ErrorReplies.notFound();
                ErrorReplies.send(rc.response(), refusal);
            });
        }
        return router;
    }

    /** A request the pipeline never saw, still answered in JSON and audited. */
    private static void reject(RoutingContext rc, ExchangeRecorder recorder, Refusal refusal, Route route) {
        Exchange ex = rc.get(Exchange.KEY);
        ex.route = route;
        recorder.inFlight().begin();
        ex.end(refusal.status(), refusal.status() == 404 ? "not-found" : "blocked");
        ErrorReplies.send(rc.response(), refusal);
        recorder.finish(ex);
    }

    private static CorsHandler corsHandler(CorsPolicy cors) {
        return CorsHandler.create()
                .addOrigins(cors.allowedOrigins())
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                .allowedHeaders(Set.of("authorization", "content-type", "api-key", "x-api-key"))
                .exposedHeaders(Set.of("x-request-id", "retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"))
                .maxAgeSeconds(600);
    }
}
