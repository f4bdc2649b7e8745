package io.sio4j.jakarta.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a response body with Servlet non-blocking I/O and completes the request: parts are written
 * while the stream is ready, the rest when the container calls back. No thread waits on a slow
 * client.
 *
 * <pre>{@code
 * AsyncWrite.start(asyncContext, new byte[][] {body});
 * }</pre>
 *
 * <p>Threading: the container serialises the listener's callbacks.
 */
final class AsyncWrite implements WriteListener {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.jakarta");

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final byte[][] parts;
  private int next;
  private boolean done;

  private AsyncWrite(AsyncContext async, ServletOutputStream out, byte[][] parts) {
    this.async = async;
    this.out = out;
    this.parts = parts;
  }

  /** Writes {@code parts} (shared arrays, only read) and completes {@code async}. */
  static void start(AsyncContext async, byte[][] parts) {
    if (parts.length == 0) {
      complete(async);
      return;
    }
    try {
      ServletOutputStream out = async.getResponse().getOutputStream();
      out.setWriteListener(new AsyncWrite(async, out, parts));
    } catch (IOException | RuntimeException e) {
      log.debug("cannot write a response: {}", e.toString());
      complete(async);
    }
  }

  @Override
  public void onWritePossible() throws IOException {
    while (next < parts.length) {
      if (!out.isReady()) return;
      out.write(parts[next++]);
    }
    if (!done && out.isReady()) {
      done = true;
      complete(async);
    }
  }

  @Override
  public void onError(Throwable t) {
    log.debug("response write failed: {}", t.toString());
    if (!done) {
      done = true;
      complete(async);
    }
  }

  static void complete(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      log.debug("request already completed: {}", e.toString());
    }
  }
}
