package io.sio4j.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Decides whether a handshake or WebSocket upgrade request may proceed (the official {@code
 * allowRequest} option). A refusal is answered with HTTP 403 and {@code
 * {"code":4,"message":<reason>}}.
 */
@FunctionalInterface
public interface AllowRequest {
  /** Completes with {@code null} to accept, or with the refusal reason. */
  CompletionStage<String> check(HandshakeRequest request);

  /** Accepts the requests that match, refuses the others with {@code "Forbidden"}. */
  static AllowRequest of(Predicate<HandshakeRequest> predicate) {
    return request ->
        CompletableFuture.completedFuture(predicate.test(request) ? null : "Forbidden");
  }
}
