package io.sio4j.examples;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.sio4j.engine.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * https and wss on the embedded containers from the same {@link TlsOptions} as the Netty listener
 * (PEM certificate chain and PKCS#8 key, plain or encrypted, or a PKCS#12/JKS key store): on a
 * container, TLS is its connector's. Jetty gets a JDK {@link SSLContext} built from the options;
 * Tomcat reads the PEM files or the key store itself. Only HTTP/1.1 is offered, as on Netty.
 *
 * <pre>{@code
 * ServerConnector https = ContainerTls.jettyConnector(server, tls);
 * }</pre>
 *
 * <p>Stateless, thread-safe.
 */
final class ContainerTls {
  private ContainerTls() {}

  /** A Jetty connector that speaks TLS (HTTP/1.1) with the options' certificate. */
  static ServerConnector jettyConnector(Server server, TlsOptions tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(sslContext(tls));
    HttpConfiguration config = new HttpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // clients that connect by IP address send no SNI; the certificate's names are the client's
    // business (it verifies them), not a reason for the server to refuse
    secure.setSniHostCheck(false);
    config.addCustomizer(secure);
    return new ServerConnector(
        server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(config));
  }

  /** Turns a Tomcat connector into a TLS one with the options' certificate. */
  static void tomcatConnector(Connector connector, TlsOptions tls) {
    connector.setSecure(true);
    connector.setScheme("https");
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig host = new SSLHostConfig();
    SSLHostConfigCertificate cert =
        new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    if (tls.keyStore() != null) {
      cert.setCertificateKeystoreFile(tls.keyStore().toAbsolutePath().toString());
      if (tls.keyStorePassword() != null) {
        cert.setCertificateKeystorePassword(new String(tls.keyStorePassword()));
      }
      if (tls.keyStoreType() != null) cert.setCertificateKeystoreType(tls.keyStoreType());
    } else {
      cert.setCertificateFile(tls.certificateChain().toAbsolutePath().toString());
      cert.setCertificateKeyFile(tls.privateKey().toAbsolutePath().toString());
      if (tls.keyPassword() != null) {
        cert.setCertificateKeyPassword(new String(tls.keyPassword()));
      }
    }
    host.addCertificate(cert);
    connector.addSslHostConfig(host);
  }

  /** The JDK's SSLContext for the options' certificate and key. */
  static SSLContext sslContext(TlsOptions tls) {
    if (tls.keyStore() != null) return fromKeyStore(tls);
    try {
      SslContext netty =
          SslContextBuilder.forServer(
                  tls.certificateChain().toFile(),
                  tls.privateKey().toFile(),
                  tls.keyPassword() == null ? null : new String(tls.keyPassword()))
              .sslProvider(SslProvider.JDK)
              .build();
      return ((JdkSslContext) netty).context();
    } catch (SSLException e) {
      throw new IllegalArgumentException("unusable TLS certificate or key: " + tls, e);
    }
  }

  private static SSLContext fromKeyStore(TlsOptions tls) {
    try (InputStream in = Files.newInputStream(tls.keyStore())) {
      // null type: PKCS#12, which the JDK's PKCS12 loader also reads JKS files with
      KeyStore store =
          KeyStore.getInstance(tls.keyStoreType() == null ? "PKCS12" : tls.keyStoreType());
      store.load(in, tls.keyStorePassword());
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, tls.keyStorePassword());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key store " + tls.keyStore(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable key store " + tls.keyStore(), e);
    }
  }
}
