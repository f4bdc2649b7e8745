package io.sio4j.engine.internal;

import io.sio4j.engine.HttpExchange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The part of an {@link HttpExchange} both hosts share: the request line, query and body copied at
 * construction, and the rule that an exchange is answered once, from any thread. A host supplies
 * the header lookup and how an answer is written.
 */
public abstract class CopiedHttpExchange implements HttpExchange {
  private final String method;
  private final String uri;
  private final String path;
  private final Map<String, String> query;
  private final byte[] body;
  private final AtomicBoolean responded = new AtomicBoolean();

  /**
   * @param method the request method
   * @param uri the request URI as sent (path and raw query)
   * @param path the decoded path
   * @param query the first value of each query parameter, unmodifiable
   * @param body the request body, owned by this exchange from now on
   */
  protected CopiedHttpExchange(
      String method, String uri, String path, Map<String, String> query, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.path = path;
    this.query = query;
    this.body = body;
  }

  @Override
  public final String method() {
    return method;
  }

  @Override
  public final String path() {
    return path;
  }

  @Override
  public final String uri() {
    return uri;
  }

  @Override
  public final Map<String, String> query() {
    return query;
  }

  @Override
  public final byte[] body() {
    return body.clone();
  }

  @Override
  public final void respond(int status, Map<String, List<String>> headers, byte[] body) {
    if (!claimResponse()) throw new IllegalStateException("already responded");
    send(status, headers, body);
  }

  /**
   * Claims the one answer of this exchange.
   *
   * @return true for the first caller, false once an answer was claimed
   */
  protected final boolean claimResponse() {
    return responded.compareAndSet(false, true);
  }

  /**
   * Writes the answer; called once, after {@link #claimResponse()} succeeded.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body, still the caller's array
   */
  protected abstract void send(int status, Map<String, List<String>> headers, byte[] body);
}
