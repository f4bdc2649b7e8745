package io.sio4j.engine.internal;

import java.nio.charset.StandardCharsets;

/**
 * One Engine.IO HTTP request (a poll, a POST or a refusal) waiting for its one answer: the host
 * seam for HTTP. The Netty host answers over its channel, the Jakarta host over the servlet
 * request's {@code AsyncContext}. Both add the CORS headers, the handshake's sid cookie and the
 * JSONP wrapping rules of the request they stand for; the session only says status, type and body.
 *
 * <pre>{@code
 * PollExchange get = new NettyPollExchange(channel, meta, responder);
 * session.pollingTransport().onGet(get);
 * }</pre>
 *
 * <p>Threading: {@link #respond} may be called once, from any thread (the session's, usually).
 */
public interface PollExchange {
  /** No body. */
  byte[][] EMPTY = new byte[0][];

  /**
   * Sends the transport's answer (a payload, the {@code ok} of a POST). {@code body} parts are
   * written in order and are shared, read-only arrays (never modified, possibly written to other
   * sessions too).
   *
   * @param contentType the Content-Type, or null for none
   * @param identity whether to keep HTTP compression off (every message asked not to compress)
   */
  void respond(int status, String contentType, byte[][] body, boolean identity);

  /**
   * {@link #respond(int, String, byte[][], boolean)}, then {@code onWritten} (may be null) once the
   * host has handed the whole answer to the peer's connection (or failed to): until then its bytes
   * count in the session's outbound bound. A host that cannot tell runs it at once.
   */
  default void respond(
      int status, String contentType, byte[][] body, boolean identity, Runnable onWritten) {
    respond(status, contentType, body, identity);
    if (onWritten != null) onWritten.run();
  }

  /**
   * Drops the connection of this exchange, with whatever of its answer the peer has not taken (a
   * session closed for holding too much). A host that cannot does nothing.
   */
  default void abort() {}

  /**
   * Sends an answer that is not the transport's own (an error, a quiet {@code 6}): the {@code
   * headers} listeners of the engine hooks do not see it, as in the official server.
   */
  void respondPlain(int status, String contentType, byte[][] body);

  /** The JSONP callback index of the request ({@code j}, digits only), or null. */
  String jsonp();

  /** A text answer. */
  default void respondText(int status, String contentType, String text) {
    respondPlain(status, contentType, new byte[][] {text.getBytes(StandardCharsets.UTF_8)});
  }

  /** The official JSON error answer: {@code {"code":N,"message":"..."}}. */
  default void respondError(EngineError error, String message) {
    String json = "{\"code\":" + error.code + ",\"message\":" + JsonStrings.quote(message) + "}";
    respondText(error.status, "application/json", json);
  }

  /** A bodiless answer with only a status. */
  default void respondEmpty(int status) {
    respondPlain(status, null, EMPTY);
  }
}
