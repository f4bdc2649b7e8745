package io.sio4j.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The I/O seam of the Engine.IO client: plain HTTP requests (polling) and WebSocket connections.
 * The client core only sees this interface and its own types (no {@code java.net.http} type), so an
 * implementation on another HTTP stack (OkHttp for Android, where {@code java.net.http} does not
 * exist) replaces the default JDK one through {@link TransportFactory}.
 *
 * <pre>{@code
 * final class LoggingConnector implements HttpConnector {
 *   private final HttpConnector jdk;
 *
 *   LoggingConnector(ClientOptions options) {
 *     jdk = TransportFactory.jdk().create(options);
 *   }
 *
 *   public CompletableFuture<Response> send(Request request) {
 *     System.out.println(request.method() + " " + request.uri());
 *     return jdk.send(request);
 *   }
 *
 *   public CompletableFuture<WebSocketConnection> openWebSocket(
 *       URI uri, Map<String, List<String>> headers, WebSocketListener listener) {
 *     return jdk.openWebSocket(uri, headers, listener);
 *   }
 *
 *   public void close() {
 *     jdk.close();
 *   }
 * }
 *
 * ClientOptions options = ClientOptions.builder().transportFactory(LoggingConnector::new).build();
 * }</pre>
 *
 * <p>Contract: thread-safe. Futures and listener callbacks complete on the implementation's own
 * threads (never block them; the client hops back to its Manager's thread). A non-2xx status is a
 * {@link Response}, not a failure; I/O errors fail the future. Limits such as {@link
 * io.sio4j.client.ClientOptions#maxIncomingBytes()} are the implementation's to enforce.
 */
public interface HttpConnector {

  /**
   * An HTTP request with a UTF-8 text body ({@code null} for none).
   *
   * @param timeout how long the whole call may take ({@code null}: no limit); when it passes, the
   *     future fails ({@link io.sio4j.client.ClientOptions#requestTimeout()})
   */
  record Request(
      String method, URI uri, Map<String, List<String>> headers, String body, Duration timeout) {
    /** A request without a time limit. */
    public Request(String method, URI uri, Map<String, List<String>> headers, String body) {
      this(method, uri, headers, body, null);
    }
  }

  /** An HTTP response with its body decoded as UTF-8 text. */
  record Response(int status, String body) {}

  /** Sends one request. The future fails on I/O errors, never on a non-2xx status. */
  CompletableFuture<Response> send(Request request);

  /**
   * Opens a WebSocket. The future completes when the handshake succeeded; afterwards every frame
   * and the close go to the listener, one call at a time.
   */
  CompletableFuture<WebSocketConnection> openWebSocket(
      URI uri, Map<String, List<String>> headers, WebSocketListener listener);

  /**
   * Opens a WebSocket offering subprotocols ({@code Sec-WebSocket-Protocol}, {@link
   * io.sio4j.client.ClientOptions#protocols()}). The default adds the header and calls {@link
   * #openWebSocket(URI, Map, WebSocketListener)}; stacks that treat the header as their own
   * override it.
   */
  default CompletableFuture<WebSocketConnection> openWebSocket(
      URI uri,
      Map<String, List<String>> headers,
      List<String> protocols,
      WebSocketListener listener) {
    if (protocols.isEmpty()) return openWebSocket(uri, headers, listener);
    Map<String, List<String>> withProtocols = new LinkedHashMap<>(headers);
    withProtocols.put("Sec-WebSocket-Protocol", List.of(String.join(", ", protocols)));
    return openWebSocket(uri, withProtocols, listener);
  }

  /** Releases what the connector holds (connections, threads where it owns them). */
  void close();

  /** An open WebSocket. Sends are queued in order; each future completes once written. */
  interface WebSocketConnection {
    /** Queues a text frame. */
    CompletableFuture<Void> sendText(String text);

    /** Queues a binary frame; the array must not be changed afterwards. */
    CompletableFuture<Void> sendBinary(byte[] data);

    /** Starts the closing handshake. */
    void close();

    /** Drops the connection at once, without a closing handshake. */
    void abort();
  }

  /** Receives one WebSocket's complete messages and its end. Calls never overlap. */
  interface WebSocketListener {
    /** A complete text message. */
    void onText(String text);

    /** A complete binary message (owned by the listener). */
    void onBinary(byte[] data);

    /** The connection ended normally. */
    void onClose(int code, String reason);

    /** The connection failed (I/O error, oversized message, protocol violation). */
    void onError(Throwable error);
  }
}
