package io.sio4j.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests, made at test time so that no private key is
 * ever committed: a CA, server certificates signed by it (with subject alternative names), and
 * self-signed ones that nobody trusts. Every certificate and key is also written as a PEM file into
 * the given folder, for servers (ours or Node's) and clients that read files.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.create(tempDir);
 * TestCertificates.Issued server = certs.issue("localhost", "127.0.0.1");
 * // server.certificatePem(), server.keyPem(): for TlsOptions.builder().pem(...)
 * // certs.caPem(): for a client's trust store, e.g. the CLI's --ca
 * SSLContext client = certs.clientContext();
 * }</pre>
 *
 * <p>Keys are EC P-256 (fast to make; understood by the JDK, OpenSSL/BoringSSL and Node). Built
 * with BouncyCastle rather than {@code keytool} in a child process: in process, a few milliseconds
 * per certificate, and full control of names, serial numbers and extensions.
 *
 * <p>Thread-safe.
 */
public final class TestCertificates {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final Path dir;
  private final KeyPair caKeys;
  private final X500Name caName;
  private final X509Certificate ca;
  private final Path caPem;

  private TestCertificates(
      Path dir, KeyPair caKeys, X500Name caName, X509Certificate ca, Path caPem) {
    this.dir = dir;
    this.caKeys = caKeys;
    this.caName = caName;
    this.ca = ca;
    this.caPem = caPem;
  }

  /** Makes a new CA ({@code CN=sio4j test CA}) and writes its certificate to {@code ca.pem}. */
  public static TestCertificates create(Path dir) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=sio4j test CA " + SERIALS.incrementAndGet());
    X509Certificate ca = sign(name, keys, name, keys, true, List.of());
    Path pem = dir.resolve("ca.pem");
    write(pem, pem("CERTIFICATE", encoded(ca)));
    return new TestCertificates(dir, keys, name, ca, pem);
  }

  /** The CA's certificate. */
  public X509Certificate ca() {
    return ca;
  }

  /** The PEM file of the CA's certificate. */
  public Path caPem() {
    return caPem;
  }

  /**
   * A server certificate signed by this CA for the given host names and IP addresses (subject
   * alternative names; the first one is also the common name).
   */
  public Issued issue(String... names) {
    KeyPair keys = newKeys();
    X500Name subject = new X500Name("CN=" + names[0]);
    X509Certificate cert = sign(caName, caKeys, subject, keys, false, List.of(names));
    return save(cert, keys.getPrivate());
  }

  /** A self-signed server certificate for the given names, trusted by nobody. */
  public Issued selfSigned(String... names) {
    KeyPair keys = newKeys();
    X500Name subject = new X500Name("CN=" + names[0]);
    return save(sign(subject, keys, subject, keys, false, List.of(names)), keys.getPrivate());
  }

  /** An SSLContext for clients that trusts this CA only (verification stays on). */
  public SSLContext clientContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA's certificate as PEM text (for Node's {@code ca} option). */
  public String caPemText() {
    return pem("CERTIFICATE", encoded(ca));
  }

  private Issued save(X509Certificate cert, PrivateKey key) {
    String base = "cert-" + cert.getSerialNumber();
    Path certFile = dir.resolve(base + ".pem");
    Path keyFile = dir.resolve(base + "-key.pem");
    write(certFile, pem("CERTIFICATE", encoded(cert)));
    write(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    return new Issued(cert, key, certFile, keyFile);
  }

  /**
   * A certificate with its private key and their PEM files.
   *
   * @param certificate the certificate
   * @param key its private key
   * @param certificatePem the certificate as a PEM file
   * @param keyPem the unencrypted PKCS#8 key as a PEM file
   */
  public record Issued(
      X509Certificate certificate, PrivateKey key, Path certificatePem, Path keyPem) {

    /** The serial number, to tell certificates apart on the client side. */
    public BigInteger serial() {
      return certificate.getSerialNumber();
    }

    /**
     * Writes a key store ({@code "PKCS12"} or {@code "JKS"}) with this key under alias "server".
     */
    public Path keyStore(Path file, String type, char[] password) {
      try {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        ks.setKeyEntry("server", key, password, new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
          ks.store(out, password);
        }
        return file;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Writes the key encrypted with {@code password} (PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PBES2
     * with AES-256-CBC, as {@code openssl pkcs8 -topk8} writes it) to {@code file}.
     */
    public Path encryptedKeyPem(Path file, char[] password) {
      try {
        byte[] der =
            new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                    key,
                    new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                            org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .setPassword(password)
                        .build())
                .generate()
                .getContent();
        write(file, pem("ENCRYPTED PRIVATE KEY", der));
        return file;
      } catch (IOException | OperatorCreationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Copies this certificate and key over the given files (a certificate renewal). */
    public void copyTo(Path certFile, Path keyFile) {
      try {
        Files.copy(certificatePem, certFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(keyPem, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name issuer,
      KeyPair issuerKeys,
      X500Name subject,
      KeyPair subjectKeys,
      boolean isCa,
      List<String> names) {
    try {
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIALS.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(2))),
              subject,
              subjectKeys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      b.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
      b.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      if (isCa) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) sans.add(generalName(n));
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKeys.getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GeneralName generalName(String name) {
    boolean ip = name.matches("[0-9.]+") || name.contains(":");
    if (!ip) return new GeneralName(GeneralName.dNSName, name);
    try {
      InetAddress.getByName(name); // validates the literal
    } catch (IOException e) {
      throw new IllegalArgumentException("not an IP address: " + name, e);
    }
    return new GeneralName(GeneralName.iPAddress, name);
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
