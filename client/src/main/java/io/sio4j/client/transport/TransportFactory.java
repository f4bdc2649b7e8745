package io.sio4j.client.transport;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.internal.http.JdkHttpConnector;

/**
 * Creates the {@link HttpConnector} of each Manager (one per Manager, closed with it). Set with
 * {@link ClientOptions.Builder#transportFactory(TransportFactory)}; the default, {@link #jdk()},
 * uses the JDK's {@code java.net.http} and honours the options' TLS context, proxy, cookie handler,
 * connection timeout and {@code maxIncomingBytes}.
 *
 * <pre>{@code
 * ClientOptions options =
 *     ClientOptions.builder().transportFactory(opts -> new MyOkHttpConnector(opts)).build();
 * Socket socket = IO.socket("https://example.com", options);
 * }</pre>
 */
@FunctionalInterface
public interface TransportFactory {

  /** A connector configured from {@code options}. */
  HttpConnector create(ClientOptions options);

  /** The default: {@code java.net.http}, HTTP/1.1, no extra dependency. */
  static TransportFactory jdk() {
    return JdkHttpConnector::create;
  }
}
