package io.sio4j.examples.chat;

import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.examples.Args;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A console client for the chat ({@link ChatApp}), on the Java client: it takes a username, prints
 * what is said in the default room, and sends every line typed as a message. The events and their
 * payloads are the records of {@link ChatEvents}, bound by the listeners' parameter types, exactly
 * as on the server. After a dropped connection the client reconnects by itself and takes its name
 * back with the token that {@code userSet} gave it.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar chat --port 3000 &
 * java -jar sio4j-examples.jar chat-client --url http://127.0.0.1:3000 --name ada
 * }</pre>
 *
 * <p>The listeners run on the client's thread and print; {@link #run} reads on the caller's thread.
 */
public final class ChatClient {
  /** The options of {@code chat-client}. */
  public static final List<Args.Option> OPTIONS =
      List.of(
          new Args.Option("--url", "URL", "the chat server (default http://127.0.0.1:3000)"),
          new Args.Option("--name", "NAME", "your username (default: your login name)"));

  private ChatClient() {}

  /** Chats until standard input ends (Ctrl-D) or the name is taken. */
  public static void main(String[] args) throws IOException {
    String url = Args.value(args, "--url", "http://127.0.0.1:" + Args.DEFAULT_PORT);
    String name = Args.value(args, "--name", System.getProperty("user.name"));
    var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    boolean chatted = run(url, name, stdin, System.out);
    if (!chatted) System.exit(1);
  }

  /**
   * Logs in as {@code name}, sends each line of {@code in} to the default room and prints what
   * happens to {@code out}, until {@code in} ends. Returns false when the name was refused.
   */
  public static boolean run(String url, String name, BufferedReader in, PrintStream out)
      throws IOException {
    Socket socket = IO.socket(url);
    AtomicReference<String> token = new AtomicReference<>();
    AtomicReference<String> me = new AtomicReference<>(); // as the server spelled it
    CompletableFuture<Boolean> loggedIn = new CompletableFuture<>();
    Semaphore answered = new Semaphore(0); // one permit per line the server echoed or refused

    socket.on("connect", () -> socket.emit("setUsername", name, token.get()));
    socket.on(
        "userSet",
        (ChatEvents.UserSet set) -> {
          token.set(set.token());
          me.set(set.username());
          out.println("* you are " + set.username() + ", in # " + set.room());
          loggedIn.complete(true);
        });
    socket.on(
        "userExists",
        (String why) -> {
          out.println("* " + why);
          loggedIn.complete(false);
        });
    socket.on(
        "newmsg",
        (ChatMessage m) -> {
          out.println("[" + m.room() + "] " + m.user() + ": " + m.message());
          if (m.user().equals(me.get())) answered.release();
        });
    socket.on(
        "chatError",
        (ChatEvents.ChatError e) -> {
          out.println("! " + e.message());
          answered.release();
        });
    socket.on(
        "connect_error", (ConnectError e) -> out.println("* cannot connect: " + e.getMessage()));
    socket.on("disconnect", (String reason) -> out.println("* disconnected (" + reason + ")"));
    socket.connect();

    try {
      if (!loggedIn.join()) return false;
      int sent = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        socket.emit("msg", new ChatEvents.Msg(line, null));
        sent++;
      }
      // Input piped in ends at once: let the room hear the last lines before leaving.
      answered.tryAcquire(sent, 5, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } finally {
      socket.disconnect();
    }
  }
}
