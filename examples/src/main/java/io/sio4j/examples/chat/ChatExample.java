package io.sio4j.examples.chat;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * The tutorial's chat application as an example: {@link ChatServer} over in-memory stores (50
 * messages of history per room, at most 1000 rooms), with its page at {@code /}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar chat --port 3000
 * }</pre>
 *
 * <p>Immutable; each {@link #install} gets fresh stores.
 */
public final class ChatExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new ChatExample(), args);
  }

  /** Messages of history kept per room. */
  public static final int HISTORY = 50;

  /** Rooms remembered at most. */
  public static final int MAX_ROOMS = 1000;

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public String summary() {
    return "the chat application: usernames, rooms, presence, typing, history";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(HISTORY, MAX_ROOMS))
        .install();
  }
}
