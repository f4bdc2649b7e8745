package io.sio4j.client.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The I/O seam of the Engine.IO client: plain HTTP requests (polling) and WebSocket connections.
 * The client core only sees this interface, so an implementation on another HTTP stack (OkHttp for
 * Android, where {@code java.net.http} does not exist) can replace {@link JdkHttpConnector}.
 *
 * <pre>{@code
 * HttpConnector http = JdkHttpConnector.create(options);
 * http.send(new HttpConnector.Request("GET", uri, Map.of(), null)).thenAccept(r -> ...);
 * }</pre>
 *
 * <p>Thread-safe. Futures and listener callbacks complete on the implementation's threads; callers
 * hop back to their own thread.
 */
public interface HttpConnector {

  /** An HTTP request with a UTF-8 text body ({@code null} for none). */
  record Request(String method, URI uri, Map<String, List<String>> headers, String body) {}

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
