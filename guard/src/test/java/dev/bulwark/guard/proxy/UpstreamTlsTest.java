package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https upstream behind a certificate the system does not trust (a model server behind the shop's own CA):
 * refused with a clean 502 that the audit explains, served once {@code upstreams[].tls.trustedCertificates} names
 * the certificate, and still refused when that certificate was issued for another host name.
 */
class UpstreamTlsTest extends GatewayTestBase {
    @TempDir
    Path dir;
    private StubUpstream https;

    @AfterEach
    void stopHttpsStub() throws Exception {
        if (guard != null) guard.close();
        guard = null;
        if (https != null) https.close();
    }

    @Test
    void untrustedUpstreamCertificateIsA502TheAuditExplains() throws Exception {
        https = StubUpstream.https(TestCertificates.selfSigned(dir, "model", "ip:127.0.0.1"));
        start(https.url());

        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(errorCode(response)).isEqualTo("upstream_unavailable");
        assertThat(response.body()).doesNotContainIgnoringCase("certificate").doesNotContain("PKIX");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("upstream-error");
        assertThat(event.decisions()).extracting(Decision::stage, Decision::detector, Decision::action)
                .containsExactly(Tuple.tuple("upstream", "tls", "failed"));
        assertThat(https.receivedBodies).isEmpty();
    }

    @Test
    void trustedUpstreamCertificateIsServed() throws Exception {
        TestCertificates certificates = TestCertificates.selfSigned(dir, "model", "ip:127.0.0.1");
        https = StubUpstream.https(certificates);
        fakes.upstreamTrust = List.of(certificates.certificate());
        start(https.url());

        HttpResponse<String> first = post("/v1/chat/completions", chat("gpt-test", false));
        HttpResponse<String> second = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Hi from upstream");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().decisions()).isEmpty();
        assertThat(https.receivedHeaders.take().get("authorization")).isEqualTo(Fakes.UPSTREAM_SECRET);
    }

    @Test
    void trustedCertificateForAnotherHostIsStillRefused() throws Exception {
        TestCertificates elsewhere = TestCertificates.selfSigned(dir, "elsewhere", "dns:models.example.internal");
        https = StubUpstream.https(elsewhere);
        fakes.upstreamTrust = List.of(elsewhere.certificate());
        start(https.url());

        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(fakes.audit.next().decisions()).extracting(Decision::detector).containsExactly("tls");
        assertThat(https.receivedBodies).isEmpty();
    }

    @Test
    void onlyUpstreamsWithExtraTrustGetTheirOwnOptionsAndHostNamesAreVerified() throws Exception {
        TestCertificates certificates = TestCertificates.selfSigned(dir, "model", "ip:127.0.0.1");
        Upstream internal = upstream("internal", List.of(certificates.certificate()));
        Upstream cloud = upstream("cloud", List.of());

        UpstreamTls tls = UpstreamTls.of(List.of(internal, cloud));

        assertThat(tls.forUpstream(internal)).isNotNull();
        assertThat(tls.forUpstream(internal).getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(tls.forUpstream(internal).isTrustAll()).isFalse();
        assertThat(tls.forUpstream(cloud)).as("the client's defaults: the system's authorities").isNull();
    }

    @Test
    void onlyACertificateErrorUnderTheHandshakeCountsAsACertificateFailure() {
        var untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));
        assertThat(UpstreamTls.isCertificateFailure(new RuntimeException(untrusted))).isTrue();
        assertThat(UpstreamTls.isCertificateFailure(new SSLHandshakeException("handshake timed out"))).isFalse();
        assertThat(UpstreamTls.isCertificateFailure(new SSLHandshakeException("no cipher suites in common"))).isFalse();
        assertThat(UpstreamTls.isCertificateFailure(new CertificateException("not under TLS"))).isFalse();
    }

    private static Upstream upstream(String id, List<X509Certificate> trusted) {
        return new Upstream(id, URI.create("https://" + id + ".example"), Upstream.Flavor.OPENAI, null, List.of("*"),
                null, null, trusted);
    }
}
