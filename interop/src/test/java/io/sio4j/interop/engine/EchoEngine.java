package io.sio4j.interop.engine;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback Engine.IO server for interop tests: path {@code /engine.io/}, short heartbeats, echoes
 * every message, and records what each session saw (connection, messages, close reason).
 */
final class EchoEngine implements AutoCloseable {
  /** One recorded server-side event. */
  record Event(String type, EngineSocket socket, String text, byte[] bytes) {}

  final EngineServer server;
  final int port;
  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  EchoEngine(Duration pingInterval, Duration pingTimeout) {
    server =
        EngineServer.create(
            EngineOptions.builder()
                .path("/engine.io/")
                .pingInterval(pingInterval)
                .pingTimeout(pingTimeout)
                .build());
    server.onConnection(
        socket -> {
          events.add(new Event("connection", socket, null, null));
          socket.setListener(
              new EngineSocket.Listener() {
                @Override
                public void onText(String text) {
                  events.add(new Event("text", socket, text, null));
                  socket.send(text);
                }

                @Override
                public void onBinary(byte[] data) {
                  events.add(new Event("binary", socket, null, data));
                  socket.send(data);
                }

                @Override
                public void onClose(String reason, String description) {
                  events.add(new Event("close", socket, reason, null));
                }
              });
        });
    port = server.listen("127.0.0.1", 0).join().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits for the next event of this type (others before it are dropped). */
  Event await(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (e == null) throw new AssertionError("no '" + type + "' event within " + timeout);
      if (e.type().equals(type)) return e;
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
