package dev.bulwark.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.config.ApiKeys;
import dev.bulwark.guard.config.GuardConfigLoader;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benign traffic passes the gateway unchanged: ordinary questions a bike shop's customers ask, sent through the
 * gateway (with {@code demo --guarded}'s guard.yaml) and directly to the demo assistant. Every one is answered; a reply
 * is identical to the direct one unless the direct one held personal data, which then comes back redacted.
 */
class DemoGuardBenignTest {
    static final List<String> ORDINARY = List.of(
            "What are your opening hours on Saturday?",
            "Are you open on public holidays?",
            "How much does a standard bike service cost?",
            "Can I book a repair for my road bike next Tuesday?",
            "How long does a puncture repair usually take?",
            "Do you sell electric bikes, and what price range are they in?",
            "I bought a helmet last week and it doesn't fit. Can I return it?",
            "What is your returns policy for items bought online?",
            "Where is my order? It was supposed to arrive yesterday.",
            "Do you deliver to addresses outside the city?",
            "How much is delivery for a full-size bike?",
            "Can I rent a mountain bike for the weekend?",
            "What do I need to bring to rent a bike?",
            "Do you offer a warranty on new bikes?",
            "My gears keep slipping after the last service. What should I do?",
            "Do you have children's bikes for a six-year-old?",
            "Can you recommend a good lock for commuting?",
            "Is there parking near the shop?",
            "Do you price-match other shops?",
            "Can I pay in instalments for an e-bike?",
            "How often should I get my brakes checked?",
            "What size frame do I need if I'm 1.80 m tall?",
            "Do you fit child seats?",
            "Hi, I'd like to cancel my repair appointment for Friday.",
            "Can I change the delivery address for my order?",
            "Do you sell second-hand bikes?",
            "What payment methods do you accept in the shop?",
            "Thanks for your help earlier, the bike runs great now!",
            "Is it worth upgrading to tubeless tyres for city riding?",
            "How do I pump up a tyre with a Presta valve?");

    @TempDir
    Path dir;

    /** As a well-behaved client does: a 429 (the burst limit of 5 a second) is waited out and the request resent. */
    static HttpResponse<String> politely(DemoClient gateway, String prompt, String key) throws InterruptedException {
        HttpResponse<String> res = gateway.chat(prompt, "Authorization", "Bearer " + key);
        for (int retry = 0; retry < 3 && res.statusCode() == 429; retry++) {
            long seconds = res.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(seconds, 5) * 1000);
            res = gateway.chat(prompt, "Authorization", "Bearer " + key);
        }
        return res;
    }

    @Test
    void ordinaryQuestionsAreAnsweredAsTheyAreWithoutTheGateway() throws Exception {
        try (DemoTarget target = DemoTarget.start(DemoTarget.Options.vulnerable())) {
            String key = ApiKeys.generate();
            Files.writeString(dir.resolve(DemoGuardConfig.SYSTEM_PROMPT_FILE), DemoGuardConfig.systemPrompt());
            Files.writeString(dir.resolve(DemoGuardConfig.SCOPE_EXAMPLES_FILE), DemoGuardConfig.scopeExamples());
            Files.createDirectories(dir.resolve("guarded"));
            Path file = dir.resolve("guard.yaml");
            Files.writeString(file, DemoGuardConfig.yaml(target.baseUrl(), ApiKeys.sha256Hex(key)));
            Path cert = dir.resolve(DemoGuardConfig.TLS_CERTIFICATE);
            DemoCertificate.write(cert, dir.resolve(DemoGuardConfig.TLS_KEY));
            try (RunningGuard guard = Guard.start(GuardConfigLoader.load(file, Map.of()))) {
                assertThat(guard.url()).startsWith("https://127.0.0.1:");
                var direct = new DemoClient(target.baseUrl());
                var gateway = new DemoClient(URI.create(guard.url()), trusting(cert));
                List<String> problems = new ArrayList<>();
                int identical = 0;
                for (String prompt : ORDINARY) {
                    String plain = direct.chatContent(prompt);
                    HttpResponse<String> res = politely(gateway, prompt, key);
                    if (res.statusCode() != 200) {
                        problems.add(prompt + " -> HTTP " + res.statusCode() + " " + res.body());
                        continue;
                    }
                    String guarded = new JsonObject(res.body()).getJsonArray("choices").getJsonObject(0)
                            .getJsonObject("message").getString("content");
                    if (guarded.equals(plain)) {
                        identical++;
                    } else if (EntityEngine.standard().scan(plain).isEmpty()) {
                        problems.add(prompt + " -> changed although there was nothing to redact: " + guarded);
                    } else if (!EntityEngine.standard().scan(guarded).isEmpty() || !guarded.contains("<")) {
                        problems.add(prompt + " -> not redacted as expected: " + guarded);
                    }
                }
                assertThat(problems).isEmpty();
                assertThat(identical).as("replies with nothing to redact").isGreaterThan(ORDINARY.size() / 2);
            }
        }
    }

    /** A client that trusts the demo gateway's certificate (and nothing else). */
    static java.net.http.HttpClient trusting(Path certificatePem) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(certificatePem)) {
            store.setCertificateEntry("gateway", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(tls).connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }
}
