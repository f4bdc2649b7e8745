package io.sio4j.engine.internal;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the listening socket's errors (an {@code accept} failing, typically "Too many open files"
 * under a low file limit): accepting pauses for a second, as Netty's own acceptor does, and the
 * error is logged at most once per {@link #LOG_INTERVAL_NANOS}, with the count of the ones
 * suppressed since (issue 14: before, the same warning and its stack trace came once a second for
 * as long as the condition lasted).
 *
 * <p>Threading: confined to the server channel's event loop.
 */
@ChannelHandler.Sharable
final class AcceptErrorHandler extends ChannelInboundHandlerAdapter {
  static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private final LongSupplier nanoClock;
  private final Consumer<String> sink;
  private long lastLogged;
  private boolean loggedOnce;
  private long suppressed;

  AcceptErrorHandler() {
    this(System::nanoTime, log::warn);
  }

  AcceptErrorHandler(LongSupplier nanoClock, Consumer<String> sink) {
    this.nanoClock = nanoClock;
    this.sink = sink;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    long now = nanoClock.getAsLong();
    if (!loggedOnce || now - lastLogged >= LOG_INTERVAL_NANOS) {
      String more =
          suppressed == 0 ? "" : " (" + suppressed + " more since the last report, not logged)";
      sink.accept("accepting connections failed: " + cause + more + "; pausing accept for 1 s");
      loggedOnce = true;
      lastLogged = now;
      suppressed = 0;
    } else {
      suppressed++;
    }
    ChannelConfig config = ctx.channel().config();
    if (config.isAutoRead()) {
      config.setAutoRead(false);
      ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
    }
  }
}
