package io.sio4j.interop.client;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A program using the client, run in a child JVM by {@link ClientMainExitTest}: it must exit by
 * itself once it closed its socket. Modes: {@code close} (connect, ack round trip, close) and
 * {@code connecting} (close while the Manager is still trying to reach a dead server); the third
 * argument names the {@link TransportKind}.
 */
public final class ExitingMain {
  private ExitingMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Socket socket =
        IO.socket(
            url,
            TransportKind.valueOf(args[2])
                .options()
                .reconnectionDelay(Duration.ofSeconds(30))
                .build());
    if (args[1].equals("close")) {
      String answer =
          socket.emitWithAck("ack", "bye").get(10, TimeUnit.SECONDS).get(0, String.class);
      System.out.println("ack " + answer);
      socket.close();
    } else {
      // nothing listens there: the attempt fails and a reconnection is scheduled in 30 s, unless
      // close() comes first; either way nothing may stay alive
      socket.on("connect_error", (Object e) -> System.out.println("connect_error"));
      socket.io().close();
    }
    System.out.println("main returns");
  }
}
