package io.sio4j.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable TLS settings of the Netty listener: with them the server speaks https and wss only. The
 * server's certificate (chain) and private key come from PEM files or from a key store (PKCS#12 or
 * JKS). The files are read when the server starts listening and again on {@link
 * EngineServer#reloadTls()} or, with {@link Builder#watch(Duration)}, when they change, so a
 * renewed certificate is taken without a restart.
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.builder()
 *     .pem(Path.of("/etc/letsencrypt/live/example.org/fullchain.pem"),
 *          Path.of("/etc/letsencrypt/live/example.org/privkey.pem"))
 *     .build();
 * SocketIoServer io = SocketIoServer.builder().port(443).tls(tls).build().start();
 * // after certbot renewed the files:
 * io.reloadTls();
 * }</pre>
 *
 * <p>Only HTTP/1.1 is offered through ALPN (Engine.IO does not run over HTTP/2). The TLS
 * implementation is the JDK's unless {@code io.netty:netty-tcnative-boringssl-static} is on the
 * class path, in which case OpenSSL (BoringSSL) is used; {@link Builder#provider(Provider)} forces
 * one.
 */
public final class TlsOptions {
  /** Which TLS implementation encrypts the connections. */
  public enum Provider {
    /** OpenSSL (BoringSSL) when netty-tcnative is on the class path, else the JDK's (default). */
    AUTO,
    /** The JDK's own {@code SSLEngine}. */
    JDK,
    /** OpenSSL through netty-tcnative; listening fails if it is not on the class path. */
    OPENSSL
  }

  private final Path certificateChain;
  private final Path privateKey;
  private final char[] keyPassword;
  private final Path keyStore;
  private final char[] keyStorePassword;
  private final String keyStoreType;
  private final Provider provider;
  private final Duration watchInterval;

  private TlsOptions(Builder b) {
    this.certificateChain = b.certificateChain;
    this.privateKey = b.privateKey;
    this.keyPassword = b.keyPassword == null ? null : b.keyPassword.clone();
    this.keyStore = b.keyStore;
    this.keyStorePassword = b.keyStorePassword == null ? null : b.keyStorePassword.clone();
    this.keyStoreType = b.keyStoreType;
    this.provider = b.provider;
    this.watchInterval = b.watchInterval;
  }

  /** A builder; set either {@link Builder#pem} or {@link Builder#keyStore}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for {@code builder().pem(certificateChain, privateKey).build()}. */
  public static TlsOptions pem(Path certificateChain, Path privateKey) {
    return builder().pem(certificateChain, privateKey).build();
  }

  /** The PEM file with the certificate chain (server certificate first), or {@code null}. */
  public Path certificateChain() {
    return certificateChain;
  }

  /** The PEM file with the PKCS#8 private key, or {@code null}. */
  public Path privateKey() {
    return privateKey;
  }

  /** A copy of the password of an encrypted PEM key, or {@code null} if it is not encrypted. */
  public char[] keyPassword() {
    return keyPassword == null ? null : keyPassword.clone();
  }

  /** The key store file, or {@code null} when PEM files are used. */
  public Path keyStore() {
    return keyStore;
  }

  /** A copy of the key store's password (also the key's), or {@code null}. */
  public char[] keyStorePassword() {
    return keyStorePassword == null ? null : keyStorePassword.clone();
  }

  /** The key store type ({@code "PKCS12"}, {@code "JKS"}), or {@code null} to detect it. */
  public String keyStoreType() {
    return keyStoreType;
  }

  /** The TLS implementation, default {@link Provider#AUTO}. */
  public Provider provider() {
    return provider;
  }

  /**
   * How often the server checks whether the certificate or key files changed (modification time or
   * size) and reloads them by itself, or {@code null} for never (the default: call {@link
   * EngineServer#reloadTls()}).
   */
  public Duration watchInterval() {
    return watchInterval;
  }

  @Override
  public String toString() {
    return keyStore != null
        ? "TlsOptions[keyStore=" + keyStore + ", provider=" + provider + "]"
        : "TlsOptions[pem=" + certificateChain + ", " + privateKey + ", provider=" + provider + "]";
  }

  /** Builds {@link TlsOptions}; {@link #build()} checks that one key source is set. */
  public static final class Builder {
    private Path certificateChain;
    private Path privateKey;
    private char[] keyPassword;
    private Path keyStore;
    private char[] keyStorePassword;
    private String keyStoreType;
    private Provider provider = Provider.AUTO;
    private Duration watchInterval;

    private Builder() {}

    /** The certificate chain and unencrypted PKCS#8 private key as PEM files. */
    public Builder pem(Path certificateChain, Path privateKey) {
      return pem(certificateChain, privateKey, null);
    }

    /** The certificate chain and private key as PEM files; the key encrypted with a password. */
    public Builder pem(Path certificateChain, Path privateKey, char[] keyPassword) {
      this.certificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
      this.keyPassword = keyPassword == null ? null : keyPassword.clone();
      return this;
    }

    /**
     * A PKCS#12 or JKS key store (type detected from the content) whose first key entry is the
     * server's key and certificate chain; the password opens the store and the key.
     */
    public Builder keyStore(Path file, char[] password) {
      return keyStore(file, password, null);
    }

    /** A key store of the given type ({@code "PKCS12"}, {@code "JKS"}). */
    public Builder keyStore(Path file, char[] password, String type) {
      this.keyStore = Objects.requireNonNull(file, "file");
      this.keyStorePassword = Objects.requireNonNull(password, "password").clone();
      this.keyStoreType = type;
      return this;
    }

    /** The TLS implementation (default {@link Provider#AUTO}). */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Checks the files every {@code interval} and reloads them when they changed, e.g. {@code
     * Duration.ofMinutes(1)} for a certificate that certbot renews in place (default: off). A
     * change that cannot be loaded (say, a key not written yet) keeps the current certificate, is
     * logged, and is tried again when the files change again.
     */
    public Builder watch(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("watch interval must be > 0");
      }
      this.watchInterval = interval;
      return this;
    }

    /** Validates and builds. */
    public TlsOptions build() {
      if ((certificateChain == null) == (keyStore == null)) {
        throw new IllegalStateException("TLS needs either pem(cert, key) or keyStore(file, pass)");
      }
      return new TlsOptions(this);
    }
  }
}
