package io.sio4j.testkit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting TCP proxy for chaos tests: it listens on an ephemeral port of 127.0.0.1 and
 * relays every accepted connection to a target port of 127.0.0.1, and can add latency, limit the
 * bandwidth, cut connections in the middle of a frame, half-close them, stop reading from one side
 * (so that TCP backpressure builds up in the peer), cut every connection at once and refuse new
 * ones for a while. Faults are set per {@link Direction}: {@link #upstream()} is what the client
 * sends to the server, {@link #downstream()} what the server sends to the client; they apply to the
 * connections already open and to new ones.
 *
 * <pre>{@code
 * try (ChaosProxy proxy = ChaosProxy.start(serverPort)) {
 *   proxy.downstream().latency(Duration.ofMillis(20)).bandwidth(64 * 1024);
 *   CompletableFuture<Void> cut = proxy.downstream().cutAtRandom(new Random(7), 1, 4096);
 *   // connect a client to proxy.port() ...
 * }
 * }</pre>
 *
 * <p>One instance per test: it owns one event-loop thread and {@link #close()} ends it, closes
 * every connection and releases every buffer it still holds. Thread-safe.
 */
public final class ChaosProxy implements AutoCloseable {
  /** Most bytes held for one direction of one connection before the proxy stops reading. */
  static final int MAX_QUEUED_BYTES = 256 * 1024;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Set<ChaosLink> links = ConcurrentHashMap.newKeySet();
  private final Direction upstream = new Direction(this, "upstream");
  private final Direction downstream = new Direction(this, "downstream");
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final int targetPort;
  private final Channel server;
  private volatile long refuseUntilNanos;
  private volatile boolean refuseForever;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChaosProxy(int targetPort) {
    this.targetPort = targetPort;
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    accept(ch);
                  }
                });
    try {
      server = b.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IllegalStateException("interrupted while binding the chaos proxy", e);
    }
    channels.add(server);
  }

  /** Starts a proxy on an ephemeral port of 127.0.0.1 relaying to {@code 127.0.0.1:targetPort}. */
  public static ChaosProxy start(int targetPort) {
    if (targetPort <= 0 || targetPort > 65_535) {
      throw new IllegalArgumentException("bad target port " + targetPort);
    }
    return new ChaosProxy(targetPort);
  }

  /** The port the proxy listens on (127.0.0.1). */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Faults on the bytes the client sends to the server. */
  public Direction upstream() {
    return upstream;
  }

  /** Faults on the bytes the server sends to the client. */
  public Direction downstream() {
    return downstream;
  }

  /** Connections accepted and relayed so far (refused ones not counted). */
  public long acceptedConnections() {
    return accepted.get();
  }

  /** Connections refused so far ({@link #refuseNewConnections(Duration)}). */
  public long refusedConnections() {
    return refused.get();
  }

  /** Connections open now. */
  public int openConnections() {
    return links.size();
  }

  /** Cuts every open connection now: both sides are closed and what the proxy held is dropped. */
  public void cutAll() {
    for (ChaosLink link : List.copyOf(links)) link.cut();
  }

  /**
   * For {@code duration}, every new connection is accepted and at once reset (TCP RST), as a server
   * that is down would answer; {@link Duration#ZERO} ends it. Open connections stay.
   */
  public void refuseNewConnections(Duration duration) {
    refuseForever = false;
    refuseUntilNanos = System.nanoTime() + duration.toNanos();
  }

  /** Refuses every new connection until {@link #acceptNewConnections()}. */
  public void refuseNewConnections() {
    refuseForever = true;
  }

  /** Ends {@link #refuseNewConnections()}. */
  public void acceptNewConnections() {
    refuseForever = false;
    refuseUntilNanos = 0;
  }

  private boolean refusing() {
    return refuseForever || System.nanoTime() - refuseUntilNanos < 0;
  }

  private void accept(SocketChannel client) {
    if (refusing()) {
      refused.incrementAndGet();
      client.config().setOption(ChannelOption.SO_LINGER, 0);
      client.close();
      return;
    }
    accepted.incrementAndGet();
    channels.add(client);
    ChannelFuture connect =
        new Bootstrap()
            .group(client.eventLoop())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    // the link adds its handler once both sides exist
                  }
                })
            .connect("127.0.0.1", targetPort);
    Channel target = connect.channel();
    channels.add(target);
    ChaosLink link = new ChaosLink(this, client, target);
    links.add(link);
    connect.addListener(
        f -> {
          if (f.isSuccess()) {
            link.start();
          } else {
            link.cut();
          }
        });
  }

  void removed(ChaosLink link) {
    links.remove(link);
  }

  Set<ChaosLink> links() {
    return links;
  }

  /** Closes the listener and every connection, releases what it held and ends its thread. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) return;
    acceptNewConnections();
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group
        .submit(
            () -> {
              for (ChaosLink link : List.copyOf(links)) link.cut();
            })
        .awaitUninterruptibly(5, TimeUnit.SECONDS);
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  /** A duration as nanoseconds, refusing negative ones. */
  static long nanos(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("negative duration " + d);
    return d.toNanos();
  }
}
