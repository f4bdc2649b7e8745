package io.sio4j.client.internal.http;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@link HttpConnector} on the JDK's {@code java.net.http} (HTTP/1.1, as the Engine.IO servers
 * expect). TLS verifies certificates and host names unless the options bring their own {@link
 * javax.net.ssl.SSLContext}. Responses and messages larger than {@link
 * ClientOptions#maxIncomingBytes()} fail instead of filling the heap.
 *
 * <p>Thread-safe. The JDK client's threads are daemon threads; nothing here keeps a JVM alive.
 */
@JdkOnly
public final class JdkHttpConnector implements HttpConnector {
  private final HttpClient client;
  private final int maxIncomingBytes;

  private JdkHttpConnector(HttpClient client, int maxIncomingBytes) {
    this.client = client;
    this.maxIncomingBytes = maxIncomingBytes;
  }

  /** Creates a connector configured from the client options. */
  public static JdkHttpConnector create(ClientOptions options) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (options.sslContext() != null) b.sslContext(options.sslContext());
    if (options.proxy() != null) b.proxy(options.proxy());
    if (options.cookieHandler() != null) b.cookieHandler(options.cookieHandler());
    return new JdkHttpConnector(b.build(), options.maxIncomingBytes());
  }

  @Override
  public CompletableFuture<Response> send(Request request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri());
    try {
      addHeaders(request.headers(), b::header);
      if (request.timeout() != null) b.timeout(request.timeout());
      if (request.body() != null) {
        b.header("Content-Type", "text/plain;charset=UTF-8");
        b.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
      } else {
        b.method(request.method(), HttpRequest.BodyPublishers.noBody());
      }
      return client
          .sendAsync(b.build(), info -> new BoundedTextSubscriber(maxIncomingBytes))
          .thenApply(r -> new Response(r.statusCode(), r.body()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<WebSocketConnection> openWebSocket(
      URI uri, Map<String, List<String>> headers, WebSocketListener listener) {
    try {
      WebSocket.Builder b = client.newWebSocketBuilder();
      addHeaders(headers, b::header);
      return b.buildAsync(uri, new JdkListener(listener, maxIncomingBytes))
          .thenApply(JdkConnection::new);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<WebSocketConnection> openWebSocket(
      URI uri,
      Map<String, List<String>> headers,
      List<String> protocols,
      WebSocketListener listener) {
    if (protocols.isEmpty()) return openWebSocket(uri, headers, listener);
    // java.net.http refuses Sec-WebSocket-Protocol as a header: it has its own method
    try {
      WebSocket.Builder b = client.newWebSocketBuilder();
      addHeaders(headers, b::header);
      b.subprotocols(
          protocols.get(0), protocols.subList(1, protocols.size()).toArray(new String[0]));
      return b.buildAsync(uri, new JdkListener(listener, maxIncomingBytes))
          .thenApply(JdkConnection::new);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads are daemons and its
    // connections go when the client is unreachable. Open WebSockets are closed by the transports.
  }

  @JdkOnly
  private interface HeaderSink {
    void add(String name, String value);
  }

  private static void addHeaders(Map<String, List<String>> headers, HeaderSink sink) {
    headers.forEach((name, values) -> values.forEach(v -> sink.add(name, v)));
  }

  /** Sends frames strictly one after another, as java.net.http.WebSocket requires. */
  @JdkOnly
  private static final class JdkConnection implements WebSocketConnection {
    private final WebSocket ws;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    JdkConnection(WebSocket ws) {
      this.ws = ws;
    }

    @Override
    public synchronized CompletableFuture<Void> sendText(String text) {
      tail = tail.thenCompose(v -> ws.sendText(text, true)).thenApply(w -> null);
      return tail;
    }

    @Override
    public synchronized CompletableFuture<Void> sendBinary(byte[] data) {
      tail = tail.thenCompose(v -> ws.sendBinary(ByteBuffer.wrap(data), true)).thenApply(w -> null);
      return tail;
    }

    @Override
    public synchronized void close() {
      tail.handle((v, e) -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
          .thenCompose(f -> f)
          .whenComplete((w, e) -> ws.abort());
    }

    @Override
    public void abort() {
      ws.abort();
    }
  }

  /** Joins message fragments, enforcing the size bound. */
  @JdkOnly
  private static final class JdkListener implements WebSocket.Listener {
    private final WebSocketListener listener;
    private final int max;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private boolean failed;

    JdkListener(WebSocketListener listener, int max) {
      this.listener = listener;
      this.max = max;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (failed) return null;
      if (text.length() + data.length() > max) return tooBig(ws);
      text.append(data);
      if (last) {
        String s = text.toString();
        text.setLength(0);
        listener.onText(s);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      if (failed) return null;
      if (binary.size() + data.remaining() > max) return tooBig(ws);
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      binary.writeBytes(chunk);
      if (last) {
        byte[] all = binary.toByteArray();
        binary.reset();
        listener.onBinary(all);
      }
      ws.request(1);
      return null;
    }

    private CompletionStage<?> tooBig(WebSocket ws) {
      failed = true;
      ws.abort();
      listener.onError(new IOException("WebSocket message larger than " + max + " bytes"));
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      if (!failed) listener.onClose(statusCode, reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      if (!failed) listener.onError(error);
    }
  }

  /** Collects a UTF-8 body, failing once it passes the bound. */
  @JdkOnly
  private static final class BoundedTextSubscriber implements HttpResponse.BodySubscriber<String> {
    private final int max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedTextSubscriber(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) return;
      for (ByteBuffer item : items) {
        if (out.size() + item.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(
              new IOException("HTTP response larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toString(StandardCharsets.UTF_8));
    }
  }
}
