package io.sio4j.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak load ({@code scripts/soak.sh}): many raw WebSocket Socket.IO clients held for a long
 * time against {@link BenchMain}'s three-event contract, with echoes, acks, broadcasts and random
 * reconnects. It speaks the Engine.IO / Socket.IO frames itself (one event loop, little memory per
 * client) and prints one {@code STATUS} line of counters every {@code --status-every} seconds.
 *
 * <pre>
 * java -cp sio4j-bench.jar io.sio4j.bench.SoakClient --port 39200 [--clients 10000]
 *     [--duration-s 1800] [--op-interval-ms 20000] [--broadcast-interval-ms 5000]
 *     [--reconnects-per-s 10] [--ack-timeout-ms 30000] [--status-every-s 10] [--seed 1]
 * </pre>
 *
 * <p>An ack is <em>lost</em> when its answer has not come within the ack timeout, or when the
 * connection it was sent on closed without the client asking for it (a planned reconnect waits
 * until the client's acks and echoes are answered). All state is touched on the one event loop.
 */
public final class SoakClient {
  private final Map<String, String> opt;
  private final Random random;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<Client> clients = new ArrayList<>();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final AtomicLong plannedCloses = new AtomicLong();
  private final AtomicLong unexpectedCloses = new AtomicLong();
  private final AtomicLong echoSent = new AtomicLong();
  private final AtomicLong echoOk = new AtomicLong();
  private final AtomicLong echoWrong = new AtomicLong();
  private final AtomicLong ackSent = new AtomicLong();
  private final AtomicLong ackOk = new AtomicLong();
  private final AtomicLong ackLost = new AtomicLong();
  private final AtomicLong broadcastSent = new AtomicLong();
  private final AtomicLong broadcastRecv = new AtomicLong();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger connecting = new AtomicInteger();
  private URI uri;
  private Bootstrap bootstrap;
  private long ackTimeoutNanos;
  private int concurrency;

  private SoakClient(Map<String, String> opt) {
    this.opt = opt;
    this.random = new Random(num("seed", 1));
  }

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("bad option " + args[i]);
      opt.put(args[i].substring(2), args[i + 1]);
    }
    new SoakClient(opt).run();
  }

  private long num(String name, long dflt) {
    String v = opt.get(name);
    return v == null ? dflt : Long.parseLong(v);
  }

  private void run() throws Exception {
    String host = opt.getOrDefault("host", "127.0.0.1");
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
      throw new IllegalArgumentException("loopback only");
    }
    int port = (int) num("port", 39200);
    int n = (int) num("clients", 10_000);
    long durationNanos = TimeUnit.SECONDS.toNanos(num("duration-s", 1800));
    long opIntervalMs = num("op-interval-ms", 20_000);
    long broadcastIntervalMs = num("broadcast-interval-ms", 5_000);
    long reconnectsPerS = num("reconnects-per-s", 10);
    long statusEveryS = num("status-every-s", 10);
    ackTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(num("ack-timeout-ms", 30_000));
    concurrency = (int) num("concurrency", 200);
    uri = new URI("ws://" + host + ":" + port + "/socket.io/?EIO=4&transport=websocket");
    bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 15_000);
    for (int i = 0; i < n; i++) clients.add(new Client(i));
    long start = System.nanoTime();
    CountDownLatch done = new CountDownLatch(1);
    group.execute(this::connectMore);
    // operations: every 100 ms a slice of the clients emits one echo or one ack each
    long slices = Math.max(1, opIntervalMs / 100);
    long[] tick = {0};
    group.scheduleAtFixedRate(
        () -> {
          long t = tick[0]++;
          for (int i = (int) (t % slices); i < clients.size(); i += (int) slices) {
            clients.get(i).operate();
          }
          checkAckTimeouts();
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
    group.scheduleAtFixedRate(
        () -> {
          Client c = clients.get(random.nextInt(clients.size()));
          if (c.ready()) {
            c.send("42[\"broadcast\",\"b" + System.nanoTime() + "\"]");
            broadcastSent.incrementAndGet();
          }
        },
        broadcastIntervalMs,
        broadcastIntervalMs,
        TimeUnit.MILLISECONDS);
    if (reconnectsPerS > 0) {
      group.scheduleAtFixedRate(
          () -> {
            for (int i = 0; i < reconnectsPerS; i++) {
              Client c = clients.get(random.nextInt(clients.size()));
              if (c.ready()) c.leaving = true;
            }
            for (Client c : clients) c.leaveIfIdle();
          },
          1,
          1,
          TimeUnit.SECONDS);
    }
    group.scheduleAtFixedRate(
        () -> {
          status(start);
          if (System.nanoTime() - start >= durationNanos) done.countDown();
        },
        statusEveryS,
        statusEveryS,
        TimeUnit.SECONDS);
    done.await();
    group
        .submit(
            () -> {
              for (Client c : clients) c.stopped = true;
            })
        .sync();
    // let the last acks come back, then count what is still missing as lost
    long drainEnd = System.nanoTime() + ackTimeoutNanos;
    while (System.nanoTime() < drainEnd && pending() > 0) TimeUnit.MILLISECONDS.sleep(200);
    group
        .submit(
            () -> {
              for (Client c : clients) {
                ackLost.addAndGet(c.pendingAcks.size());
                c.pendingAcks.clear();
              }
            })
        .sync();
    status(start);
    System.out.println("DONE lost_acks=" + ackLost.get() + " echo_wrong=" + echoWrong.get());
    System.out.flush();
    for (Client c : clients) {
      if (c.channel != null) c.channel.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
  }

  private long pending() throws Exception {
    return group
        .submit(() -> clients.stream().mapToLong(c -> c.pendingAcks.size() + c.pendingEchoes).sum())
        .get();
  }

  private void status(long start) {
    long t = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    System.out.println(
        "STATUS t="
            + t
            + " connected="
            + connected.get()
            + " connects="
            + connects.get()
            + " connect_failures="
            + connectFailures.get()
            + " planned_closes="
            + plannedCloses.get()
            + " unexpected_closes="
            + unexpectedCloses.get()
            + " echo_sent="
            + echoSent.get()
            + " echo_ok="
            + echoOk.get()
            + " echo_wrong="
            + echoWrong.get()
            + " ack_sent="
            + ackSent.get()
            + " ack_ok="
            + ackOk.get()
            + " ack_lost="
            + ackLost.get()
            + " broadcast_sent="
            + broadcastSent.get()
            + " broadcast_recv="
            + broadcastRecv.get());
    System.out.flush();
  }

  private void checkAckTimeouts() {
    long now = System.nanoTime();
    for (Client c : clients) {
      c.pendingAcks
          .values()
          .removeIf(
              sentAt -> {
                if (now - sentAt > ackTimeoutNanos) {
                  ackLost.incrementAndGet();
                  return true;
                }
                return false;
              });
    }
  }

  /** Starts handshakes until {@code concurrency} are in flight (on the event loop). */
  private void connectMore() {
    for (Client c : clients) {
      if (connecting.get() >= concurrency) return;
      if (c.channel == null && !c.stopped && !c.connectScheduled) c.connect();
    }
  }

  private final class Client {
    final int index;
    final Map<Long, Long> pendingAcks = new HashMap<>();
    final ArrayList<String> echoes = new ArrayList<>();
    int pendingEchoes;
    long nextAckId;
    long seq;
    Channel channel;
    boolean sioConnected;
    boolean leaving;
    boolean stopped;
    boolean connectScheduled;

    Client(int index) {
      this.index = index;
    }

    boolean ready() {
      return sioConnected && !leaving && !stopped && channel != null;
    }

    void connect() {
      connecting.incrementAndGet();
      connectScheduled = true;
      Client self = this;
      bootstrap
          .clone()
          .handler(
              new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  ch.pipeline()
                      .addLast(new HttpClientCodec())
                      .addLast(new HttpObjectAggregator(65_536))
                      .addLast(
                          new WebSocketClientProtocolHandler(
                              WebSocketClientHandshakerFactory.newHandshaker(
                                  uri,
                                  WebSocketVersion.V13,
                                  null,
                                  false,
                                  EmptyHttpHeaders.INSTANCE,
                                  1 << 20)))
                      .addLast(new Frames(self));
                }
              })
          .connect(uri.getHost(), uri.getPort())
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  connecting.decrementAndGet();
                  connectFailures.incrementAndGet();
                  connectScheduled = false;
                  group.schedule(SoakClient.this::connectMore, 1, TimeUnit.SECONDS);
                }
              });
    }

    void send(String text) {
      channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    void operate() {
      if (!ready()) return;
      String payload = "c" + index + "-" + (seq++);
      if (random.nextBoolean()) {
        echoes.add(payload);
        pendingEchoes++;
        echoSent.incrementAndGet();
        send("42[\"echo\",\"" + payload + "\"]");
      } else {
        long id = nextAckId++;
        pendingAcks.put(id, System.nanoTime());
        ackSent.incrementAndGet();
        send("42" + id + "[\"ack\",\"" + payload + "\"]");
      }
    }

    void leaveIfIdle() {
      if (leaving && channel != null && pendingAcks.isEmpty() && pendingEchoes == 0) {
        plannedCloses.incrementAndGet();
        Channel ch = channel;
        // half of the planned reconnects say goodbye, the other half just drop the TCP connection
        if (random.nextBoolean()) {
          ch.writeAndFlush(new TextWebSocketFrame("41")).addListener(f -> ch.close());
        } else {
          ch.close();
        }
      }
    }

    void onText(String text) {
      if (text.startsWith("0{")) {
        send("40");
      } else if (text.startsWith("40")) {
        sioConnected = true;
        connected.incrementAndGet();
      } else if (text.equals("2")) {
        send("3");
      } else if (text.startsWith("42[\"echo\",\"")) {
        String payload = text.substring(11, text.length() - 2);
        if (!echoes.isEmpty() && echoes.get(0).equals(payload)) {
          echoes.remove(0);
          pendingEchoes--;
          echoOk.incrementAndGet();
        } else {
          echoWrong.incrementAndGet();
        }
      } else if (text.startsWith("42[\"broadcast\"")) {
        broadcastRecv.incrementAndGet();
      } else if (text.startsWith("43")) {
        int bracket = text.indexOf('[');
        long id = Long.parseLong(text.substring(2, bracket));
        if (pendingAcks.remove(id) != null) ackOk.incrementAndGet();
      }
    }

    void onClosed() {
      if (sioConnected) connected.decrementAndGet();
      if (!leaving && !stopped) unexpectedCloses.incrementAndGet();
      ackLost.addAndGet(pendingAcks.size());
      pendingAcks.clear();
      echoes.clear();
      pendingEchoes = 0;
      sioConnected = false;
      leaving = false;
      channel = null;
      connectScheduled = false;
      if (!stopped) {
        // reconnect after a short random pause, as a client's backoff would
        connectScheduled = true;
        group.schedule(
            () -> {
              connectScheduled = false;
              if (!stopped && connecting.get() < concurrency) connect();
              else connectMore();
            },
            200 + random.nextInt(1800),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private final Client client;
    private boolean handshaken;

    Frames(Client client) {
      this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      client.channel = ctx.channel();
      super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        handshaken = true;
        connects.incrementAndGet();
        connecting.decrementAndGet();
        connectMore();
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      client.onText(frame.text());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (!handshaken) {
        connecting.decrementAndGet();
        connectFailures.incrementAndGet();
      }
      client.onClosed();
      if (!handshaken) connectMore();
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
