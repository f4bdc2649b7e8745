package io.sio4j.bench.jmh;

import io.sio4j.protocol.event.Ack;
import io.sio4j.server.SocketIoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Socket.IO layer inside the server, without network (an {@link InProcessServer}): an event
 * from a client through decoding, dispatch to a typed listener and the reply's encoding; an ack
 * round trip; a broadcast to 1,000 sockets. The sioload contract's listeners, as in BenchMain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ServerBenchmark {
  private static final int SOCKETS = 1000;
  private SocketIoServer io;
  private final List<InProcessServer.Connection> connections = new ArrayList<>();
  private String echo;
  private String ack;

  @Setup(Level.Trial)
  public void setUp() {
    io = SocketIoServer.builder().serveClient(false).build();
    InProcessServer engine = new InProcessServer(io.engineOptions());
    io.start(engine);
    io.on(
        "connection",
        socket -> {
          socket.on("echo", String.class, data -> socket.emit("echo", data));
          socket.on("ack", String.class, (String data, Ack a) -> a.send(data));
        });
    for (int i = 0; i < SOCKETS; i++) {
      InProcessServer.Connection c = engine.connect();
      c.text("0");
      connections.add(c);
    }
    if (io.of("/").sockets().size() != SOCKETS) throw new IllegalStateException("not connected");
    echo = "2[\"echo\",\"" + CodecBenchmark.PAYLOAD + "\"]";
    ack = "21[\"ack\",\"" + CodecBenchmark.PAYLOAD + "\"]";
    // each case must reach its reply, or the figures measure nothing
    long before = connections.get(0).sent;
    echoDispatch();
    ackRoundTrip();
    String ackReply = connections.get(1).last.text();
    broadcastTo1000();
    if (connections.get(0).sent != before + 2 || !ackReply.startsWith("31[")) {
      throw new IllegalStateException("no reply (echo, ack " + ackReply + ")");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    io.close();
  }

  /** {@code 42["echo",P]} in, decoded, bound to a String listener that emits it back (encoded). */
  @Benchmark
  public long echoDispatch() {
    InProcessServer.Connection c = connections.get(0);
    c.text(echo);
    return c.sent;
  }

  /** {@code 421["ack",P]} in, the listener acknowledges, {@code 431[P]} out. */
  @Benchmark
  public long ackRoundTrip() {
    InProcessServer.Connection c = connections.get(1);
    c.text(ack);
    return c.sent;
  }

  /** {@code io.emit("broadcast", P)} to 1,000 sockets: one encoding, 1,000 writes. */
  @Benchmark
  public long broadcastTo1000() {
    io.emit("broadcast", CodecBenchmark.PAYLOAD);
    return connections.get(SOCKETS - 1).sent;
  }
}
