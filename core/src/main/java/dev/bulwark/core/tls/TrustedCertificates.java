package dev.bulwark.core.tls;

import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@code trustedCertificates} list (the scope's {@code tls}, a gateway upstream's {@code tls}): PEM or DER files of
 * the certificate authorities (or self-signed certificates) an internal server is signed with, trusted in addition
 * to the system's ({@link ExtraTrust}). Read when the file that names them loads, so a wrong file is an error naming
 * the field, not a handshake failure half-way through an assessment or on a customer's request.
 */
public final class TrustedCertificates {
    /** A CA bundle is tens of KB; a file this large is not one. */
    static final int MAX_BYTES = 1 << 20;

    private TrustedCertificates() {
    }

    /**
     * Every certificate in the files {@code written} (relative to {@code base}); a file that cannot be used is a
     * problem at {@code listField[i]}.
     */
    public static List<X509Certificate> read(List<String> written, Path base, String listField, Problems problems) {
        var out = new ArrayList<X509Certificate>();
        for (int i = 0; i < written.size(); i++) {
            String field = FieldPath.index(listField, i);
            try {
                Path file = base.resolve(written.get(i)).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add(field, "no such file: " + file);
                    continue;
                }
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) { // symbolic links allowed: /etc/ssl/certs holds them
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
                if (bytes.length > MAX_BYTES) {
                    problems.add(field, "larger than " + MAX_BYTES / 1024 + " KB: not a certificate file");
                } else {
                    out.addAll(parse(bytes));
                }
            } catch (InvalidPathException e) {
                problems.add(field, "not a usable path: " + e.getReason());
            } catch (CertificateException e) {
                problems.add(field, "not a PEM or DER certificate file: " + e.getMessage());
            } catch (IOException e) {
                problems.add(field, "cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    /** Every certificate in the file (a bundle may hold several); at least one. */
    public static List<X509Certificate> parse(byte[] bytes) throws CertificateException {
        Collection<? extends Certificate> certificates =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        var out = new ArrayList<X509Certificate>();
        for (Certificate c : certificates) {
            if (c instanceof X509Certificate x509) out.add(x509);
        }
        if (out.isEmpty()) throw new CertificateException("no certificate in it");
        return out;
    }
}
