package io.sio4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The {@code --ca FILE} option: an {@link SSLContext} that trusts exactly the certificates of a PEM
 * file (one or more, e.g. a private CA and its intermediates). Certificate and host name checks
 * stay on; only the set of trusted roots changes.
 *
 * <pre>{@code
 * SSLContext ctx = CaTrust.fromPem(Path.of("ca.pem"));
 * }</pre>
 *
 * <p>Stateless; thread-safe.
 */
final class CaTrust {
  private CaTrust() {}

  /**
   * Reads the PEM file; throws {@link IllegalArgumentException} (a usage error) when it is missing
   * or holds no certificate.
   */
  static SSLContext fromPem(Path file) {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(file)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("--ca " + file + ": " + e.getMessage(), e);
    }
    if (certs.isEmpty()) throw new IllegalArgumentException("--ca " + file + ": no certificate");
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (Certificate c : certs) trust.setCertificateEntry("ca-" + i++, c);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up the trust of --ca " + file, e);
    }
  }
}
