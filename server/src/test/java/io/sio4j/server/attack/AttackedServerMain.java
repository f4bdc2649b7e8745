package io.sio4j.server.attack;

import io.sio4j.server.SocketIoServer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server {@link MemoryUnderAttackTest} starts in its own JVM (512 MB heap): default options, an
 * {@code echo} event answered by its ack, an {@code up} event taking binary uploads, and a
 * broadcast of 20 KB to everyone every 20 ms (what a polling client that never reads is sent).
 * Prints {@code PORT <n>} once listening. With the environment variable {@code
 * SIO4J_ATTACK_UNBOUNDED} set, the memory budget and the server-wide partial-packet bound are
 * lifted (to see the attacks fail the server without them).
 */
public final class AttackedServerMain {
  private AttackedServerMain() {}

  public static void main(String[] args) {
    SocketIoServer io =
        SocketIoServer.builder().host("127.0.0.1").port(0).serveClient(false).build();
    io.on(
        "connection",
        socket -> {
          socket.on("echo", (Object x, io.sio4j.protocol.event.Ack ack) -> ack.send(x));
          socket.on("up", (Object a) -> {});
          if (socket.handshake().query().containsKey("good")) {
            socket.on(
                "disconnect",
                (String reason) -> System.out.println("GOOD CLIENT DISCONNECTED: " + reason));
          }
        });
    int port = io.start().address().getPort();
    String tick = "t".repeat(20_000);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(() -> io.emit("tick", tick), 20, 20, TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(
        () -> {
          Runtime r = Runtime.getRuntime();
          System.out.println("HEAP " + ((r.totalMemory() - r.freeMemory()) >> 20) + " MB");
        },
        1,
        1,
        TimeUnit.SECONDS);
    System.out.println("PORT " + port);
    System.out.flush();
  }
}
