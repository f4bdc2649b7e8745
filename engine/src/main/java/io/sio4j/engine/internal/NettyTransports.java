package io.sio4j.engine.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport of the engine's event loops, chosen by the system property {@code
 * sio4j.transport}: {@code epoll} (the default, when the native library loads), {@code io_uring}
 * (Linux 5.14+, when {@code netty-transport-classes-io_uring} and its native library are on the
 * class path: sio4j declares them optional) or {@code nio}. A transport that cannot be had falls
 * back to epoll, then NIO, with a warning.
 *
 * <pre>{@code
 * java -Dsio4j.transport=io_uring -jar app.jar
 * }</pre>
 */
final class NettyTransports {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  /** The property naming the transport. */
  static final String PROPERTY = "sio4j.transport";

  /** A transport: its name, its I/O handler and its server channel type. */
  record Choice(String name, IoHandlerFactory handler, Class<? extends ServerChannel> channel) {}

  private NettyTransports() {}

  /** The transport the property asks for, or the best available one. */
  static Choice choose() {
    return named(System.getProperty(PROPERTY, "epoll"));
  }

  /**
   * The transport named {@code wanted} ({@code epoll}, {@code io_uring}, {@code nio}) if it can be
   * had.
   */
  static Choice named(String wanted) {
    if ("io_uring".equals(wanted) || "iouring".equals(wanted)) {
      try {
        Choice uring = IoUringChoice.ifAvailable();
        if (uring != null) return uring;
      } catch (LinkageError e) {
        log.warn("{}=io_uring but netty-transport-classes-io_uring is missing: {}", PROPERTY, e);
      }
    } else if ("nio".equals(wanted)) {
      return nio();
    } else if (!"epoll".equals(wanted)) {
      log.warn("unknown {}={}, using epoll or nio", PROPERTY, wanted);
    }
    if (Epoll.isAvailable()) {
      return new Choice("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }
    return nio();
  }

  private static Choice nio() {
    return new Choice("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }

  /** Loaded only when io_uring is asked for, so its classes may be absent otherwise. */
  private static final class IoUringChoice {
    static Choice ifAvailable() {
      if (!io.netty.channel.uring.IoUring.isAvailable()) {
        log.warn(
            "{}=io_uring but io_uring is unavailable: {}",
            PROPERTY,
            String.valueOf(io.netty.channel.uring.IoUring.unavailabilityCause()));
        return null;
      }
      return new Choice(
          "io_uring",
          io.netty.channel.uring.IoUringIoHandler.newFactory(),
          io.netty.channel.uring.IoUringServerSocketChannel.class);
    }
  }
}
