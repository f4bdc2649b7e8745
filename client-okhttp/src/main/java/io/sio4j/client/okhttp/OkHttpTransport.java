package io.sio4j.client.okhttp;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.TransportFactory;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The client's transport on OkHttp 5: HTTP long-polling and WebSocket for Android (where {@code
 * java.net.http} does not exist) or for applications that already tune an {@link OkHttpClient}. The
 * WebSocket offers permessage-deflate and OkHttp compresses outgoing messages of at least {@link
 * OkHttpClient#minWebSocketMessageToCompress()} bytes (1 KiB by default, the threshold of the Node
 * {@code ws} library) when the server accepts it.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder().pingInterval(Duration.ZERO).build();
 * ClientOptions options =
 *     ClientOptions.builder().transportFactory(OkHttpTransport.factory(http)).build();
 * Socket socket = IO.socket("https://example.com", options);
 * }</pre>
 *
 * <p>Each Manager derives its own client with {@link OkHttpClient#newBuilder()}, so it shares the
 * given client's connection pool and dispatcher threads. From the {@link ClientOptions}, the
 * connector takes the connection {@code timeout} (connect, read and write timeouts are left to the
 * given client), {@code proxy}, {@code cookieHandler} and {@code maxIncomingBytes}; redirects are
 * not followed, as with the JDK transport. TLS is configured on the {@link OkHttpClient} ({@code
 * sslSocketFactory(factory, trustManager)}): OkHttp cannot take a bare {@code SSLContext}, so
 * options carrying one are refused.
 *
 * <p>Thread-safe; the factories may be shared by any number of Managers.
 */
public final class OkHttpTransport {
  private OkHttpTransport() {}

  /**
   * A factory on a default {@link OkHttpClient}, created once and shared by its Managers. Its
   * dispatcher runs on daemon threads, so an open client does not keep the JVM alive (as with the
   * JDK transport); OkHttp's own default dispatcher threads linger for a minute.
   */
  public static TransportFactory factory() {
    ThreadFactory threads =
        task -> {
          Thread t = new Thread(task, "sio4j-okhttp");
          t.setDaemon(true);
          return t;
        };
    ExecutorService executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    return factory(new OkHttpClient.Builder().dispatcher(new Dispatcher(executor)).build());
  }

  /** A factory on {@code client}: its pool, dispatcher, TLS and interceptors are kept. */
  public static TransportFactory factory(OkHttpClient client) {
    Objects.requireNonNull(client, "client");
    return options -> OkHttpConnector.create(client, options);
  }
}
