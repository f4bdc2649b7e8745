package io.sio4j.engine.internal;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.sio4j.engine.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current server {@link SslContext}, built from {@link TlsOptions}; {@link #reload()} reads the
 * files again and swaps it. Connections take the context current when they are accepted, so a
 * reload changes the certificate of new connections only; open ones keep theirs.
 *
 * <p>Threading: thread-safe; the context is a volatile reference, {@link #reload()} is serialised.
 */
final class TlsContexts {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.tls");

  /** Engine.IO runs over HTTP/1.1 only: no h2 in ALPN (RFC 7301), whatever the client offers. */
  private static final ApplicationProtocolConfig ALPN =
      new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          ApplicationProtocolNames.HTTP_1_1);

  private final TlsOptions options;
  private final SslProvider provider;
  private volatile SslContext current;

  /** What the files looked like when last loaded (guarded by this). */
  private List<Object> loaded;

  /** What the files looked like when a watched change failed to load (guarded by this). */
  private List<Object> failed;

  private TlsContexts(TlsOptions options, SslProvider provider, SslContext first, List<Object> s) {
    this.options = options;
    this.provider = provider;
    this.current = first;
    this.loaded = s;
  }

  /** Resolves the provider and reads the key material; throws if either fails. */
  static TlsContexts create(TlsOptions options) {
    SslProvider provider = provider(options.provider());
    List<Object> stamp = stamp(options);
    TlsContexts tls = new TlsContexts(options, provider, build(options, provider), stamp);
    log.info("TLS on, provider {} ({})", provider, describe(options));
    return tls;
  }

  /** The provider in use. */
  SslProvider provider() {
    return provider;
  }

  /** The context for a newly accepted connection. */
  SslContext current() {
    return current;
  }

  /** A new handler for an accepted connection, from the current context. */
  SslHandler newHandler(io.netty.buffer.ByteBufAllocator alloc) {
    return current.newHandler(alloc);
  }

  /** Reads the key material again; on failure the old context stays and the error is thrown. */
  synchronized void reload() {
    List<Object> stamp = stamp(options);
    current = build(options, provider);
    loaded = stamp;
    log.info("TLS certificate reloaded ({})", describe(options));
  }

  /**
   * The watcher's check ({@link TlsOptions#watchInterval()}): reloads when a file's modification
   * time or size changed since the last load. A change that fails to load is logged once and tried
   * again when the files change again (a renewal may write the certificate before the key).
   */
  synchronized void reloadIfChanged() {
    List<Object> stamp = stamp(options);
    if (stamp.equals(loaded) || stamp.equals(failed)) return;
    try {
      current = build(options, provider);
      loaded = stamp;
      failed = null;
      log.info("TLS files changed, certificate reloaded ({})", describe(options));
    } catch (RuntimeException e) {
      failed = stamp;
      log.warn(
          "TLS files changed but cannot be loaded; the current certificate stays: {}",
          e.getMessage());
    }
  }

  private static List<Object> stamp(TlsOptions o) {
    List<Path> files =
        o.keyStore() != null
            ? List.of(o.keyStore())
            : List.of(o.certificateChain(), o.privateKey());
    List<Object> stamp = new ArrayList<>();
    for (Path f : files) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        stamp.add(a.lastModifiedTime());
        stamp.add(a.size());
      } catch (IOException e) {
        stamp.add("missing");
      }
    }
    return stamp;
  }

  private static SslProvider provider(TlsOptions.Provider wanted) {
    return switch (wanted) {
      case JDK -> SslProvider.JDK;
      case OPENSSL -> {
        if (!OpenSsl.isAvailable()) {
          throw new IllegalStateException(
              "TLS provider OPENSSL needs io.netty:netty-tcnative-boringssl-static on the class"
                  + " path",
              OpenSsl.unavailabilityCause());
        }
        yield SslProvider.OPENSSL;
      }
      case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    };
  }

  private static SslContext build(TlsOptions o, SslProvider provider) {
    try {
      SslContextBuilder b;
      if (o.keyStore() != null) {
        b = fromKeyStore(o);
      } else {
        char[] pass = o.keyPassword();
        b =
            SslContextBuilder.forServer(
                o.certificateChain().toFile(),
                o.privateKey().toFile(),
                pass == null ? null : new String(pass));
      }
      return b.sslProvider(provider).applicationProtocolConfig(ALPN).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the TLS key material of " + o + ": " + e, e);
    } catch (IllegalArgumentException e) {
      // Netty reports unreadable PEM files this way
      throw new IllegalStateException("cannot load the TLS key material of " + o + ": " + e, e);
    }
  }

  private static SslContextBuilder fromKeyStore(TlsOptions o)
      throws IOException, GeneralSecurityException {
    char[] pass = o.keyStorePassword();
    KeyStore ks;
    if (o.keyStoreType() == null) {
      ks = KeyStore.getInstance(o.keyStore().toFile(), pass);
    } else {
      ks = KeyStore.getInstance(o.keyStoreType());
      try (InputStream in = Files.newInputStream(o.keyStore())) {
        ks.load(in, pass);
      }
    }
    for (String alias : Collections.list(ks.aliases())) {
      if (!ks.isKeyEntry(alias)) continue;
      PrivateKey key = (PrivateKey) ks.getKey(alias, pass);
      Certificate[] chain = ks.getCertificateChain(alias);
      if (key == null || chain == null) continue;
      X509Certificate[] x509 =
          Arrays.stream(chain).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
      return SslContextBuilder.forServer(key, x509);
    }
    throw new GeneralSecurityException("no private key entry in " + o.keyStore());
  }

  private static String describe(TlsOptions o) {
    return o.keyStore() != null
        ? "key store " + o.keyStore()
        : "certificate " + o.certificateChain() + ", key " + o.privateKey();
  }
}
