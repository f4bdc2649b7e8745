package io.sio4j.jakarta.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body with Servlet non-blocking I/O, bounded by maxHttpBufferSize: the whole body
 * goes to {@code onBody}, or {@code onTooLarge} runs as soon as the bound is passed (a 413 that
 * keeps the session, like the official server).
 *
 * <p>Threading: the container serialises the listener's callbacks.
 */
final class BodyReader implements ReadListener {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.jakarta");

  private final ServletInputStream in;
  private final long max;
  private final Consumer<byte[]> onBody;
  private final Runnable onTooLarge;
  private final Runnable onFailed;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final byte[] chunk = new byte[8192];
  private boolean over;

  private BodyReader(
      ServletInputStream in,
      long max,
      Consumer<byte[]> onBody,
      Runnable onTooLarge,
      Runnable onFailed) {
    this.in = in;
    this.max = max;
    this.onBody = onBody;
    this.onTooLarge = onTooLarge;
    this.onFailed = onFailed;
  }

  /** Starts reading the body of the async request. */
  static void read(
      AsyncContext async,
      long max,
      Consumer<byte[]> onBody,
      Runnable onTooLarge,
      Runnable onFailed) {
    long declared = async.getRequest().getContentLengthLong();
    if (declared > max) {
      onTooLarge.run();
      return;
    }
    try {
      ServletInputStream in = async.getRequest().getInputStream();
      in.setReadListener(new BodyReader(in, max, onBody, onTooLarge, onFailed));
    } catch (IOException | RuntimeException e) {
      log.debug("cannot read a request body: {}", e.toString());
      onFailed.run();
    }
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!over && in.isReady()) {
      int n = in.read(chunk);
      if (n < 0) return;
      if (body.size() + n > max) {
        over = true;
        onTooLarge.run();
        return;
      }
      body.write(chunk, 0, n);
    }
  }

  @Override
  public void onAllDataRead() {
    if (!over) onBody.accept(body.toByteArray());
  }

  @Override
  public void onError(Throwable t) {
    log.debug("request body read failed: {}", t.toString());
    if (!over) {
      over = true;
      onFailed.run();
    }
  }
}
