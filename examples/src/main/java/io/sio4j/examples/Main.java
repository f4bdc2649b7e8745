package io.sio4j.examples;

import io.sio4j.examples.chat.ChatApp;
import io.sio4j.examples.chat.ChatClient;
import io.sio4j.examples.engine.EngineConformance;
import io.sio4j.examples.socketio.Conformance;
import io.sio4j.examples.tutorial.Broadcast;
import io.sio4j.examples.tutorial.ClientEvent;
import io.sio4j.examples.tutorial.CustomEvent;
import io.sio4j.examples.tutorial.ErrorHandling;
import io.sio4j.examples.tutorial.HelloWorld;
import io.sio4j.examples.tutorial.MyNamespace;
import io.sio4j.examples.tutorial.Rooms;
import io.sio4j.examples.tutorial.SendMessage;
import io.sio4j.examples.tutorial.Welcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entry point of the examples jar: the first argument names the example, the rest goes to that
 * example's own {@code main}.
 *
 * <pre>
 * java -jar examples/target/sio4j-examples.jar --help
 * java -jar examples/target/sio4j-examples.jar hello --port 3000
 * java -jar examples/target/sio4j-examples.jar chat-client --url http://127.0.0.1:3000 --name ada
 * </pre>
 *
 * <p>To add an example, give it a {@code public static void main(String[])} and add one line to
 * {@link #EXAMPLES}. Options that every server example shares are declared once, in {@link
 * Args#OPTIONS}. Before the example runs, the {@link DebugSwitch} is applied.
 */
public final class Main {
  /** Default port of every server example. */
  public static final int DEFAULT_PORT = Args.DEFAULT_PORT;

  /** A runnable example: its class (with a static main), one line of help and its options. */
  public record Example(Class<?> type, String description, List<Args.Option> options) {}

  /** The examples by name. */
  public static final Map<String, Example> EXAMPLES = registry();

  private Main() {}

  private static Map<String, Example> registry() {
    Map<String, Example> m = new TreeMap<>();
    server(
        m,
        "conformance",
        Conformance.class,
        "Socket.IO server with the fixture of the official v5 protocol test suite");
    server(
        m,
        "engine-conformance",
        EngineConformance.class,
        "raw Engine.IO echo server at /engine.io/ for the official v4 test suite");
    server(m, "hello", HelloWorld.class, "prints 'A user connected' / 'A user disconnected'");
    server(
        m,
        "message",
        SendMessage.class,
        "sends '"
            + SendMessage.TEXT
            + "' "
            + SendMessage.DELAY.toMillis()
            + " ms after connecting");
    server(
        m,
        "custom-event",
        CustomEvent.class,
        "emits 'testerEvent' " + CustomEvent.DELAY.toMillis() + " ms after connecting");
    server(m, "client-event", ClientEvent.class, "prints the 'clientEvent' that the page emits");
    server(
        m,
        "broadcast",
        Broadcast.class,
        "tells everyone 'N clients connected!' on each connect and disconnect");
    server(
        m,
        "welcome",
        Welcome.class,
        "welcomes the newcomer and tells the others 'N clients connected!'");
    server(
        m,
        "namespace",
        MyNamespace.class,
        "says 'Hello everyone!' to /my-namespace on each connection there");
    server(
        m,
        "rooms",
        Rooms.class,
        "puts clients two by two in room-1, room-2, ... and greets each room");
    server(
        m,
        "errors",
        ErrorHandling.class,
        "a page that shows connect_error, disconnects and reconnection attempts live");
    server(
        m,
        "chat",
        ChatApp.class,
        "the chat application: usernames, rooms, presence, typing, history");
    m.put(
        "chat-client",
        new Example(
            ChatClient.class,
            "a console client for the chat: prints the room, sends each line you type",
            ChatClient.OPTIONS));
    return Collections.unmodifiableMap(m);
  }

  private static void server(
      Map<String, Example> registry, String name, Class<?> type, String description) {
    registry.put(name, new Example(type, description, Args.OPTIONS));
  }

  /** Runs the named example. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.print(usage());
      return;
    }
    Example example = EXAMPLES.get(args[0]);
    if (example == null) {
      System.err.println("unknown example: " + args[0]);
      System.err.print(usage());
      System.exit(2);
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Args.help(rest)) {
      System.out.print(help(args[0]));
      return;
    }
    Set<String> debug = DebugSwitch.apply(DebugSwitch.fromEnvironment());
    if (!debug.isEmpty()) System.err.println("debug logging on for " + debug);
    Method main = example.type().getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) rest);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception ex) throw ex;
      throw e;
    }
  }

  /** The value of {@code --port N} in {@code args}, or {@link #DEFAULT_PORT}. */
  public static int port(String[] args) {
    return Args.port(args);
  }

  /** The value of {@code --host H} in {@code args}, or {@code 127.0.0.1}. */
  public static String host(String[] args) {
    return Args.host(args);
  }

  /** What {@code --help} prints: every example, the shared options and the debug switch. */
  public static String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: java -jar sio4j-examples.jar <example> [options] [--help]\n");
    sb.append("examples:\n");
    EXAMPLES.forEach((name, e) -> sb.append(String.format("  %-22s %s%n", name, e.description())));
    sb.append("options of the server examples:\n");
    sb.append(Args.describe(Args.OPTIONS));
    sb.append("options of chat-client:\n");
    sb.append(Args.describe(ChatClient.OPTIONS));
    sb.append('\n').append(DebugSwitch.help());
    return sb.toString();
  }

  /** What {@code <example> --help} prints. */
  public static String help(String name) {
    Example e = EXAMPLES.get(name);
    if (e == null) throw new IllegalArgumentException("unknown example: " + name);
    return "usage: java -jar sio4j-examples.jar "
        + name
        + " "
        + Args.synopsis(e.options())
        + "\n  "
        + e.description()
        + "\n"
        + Args.describe(e.options())
        + "\n"
        + DebugSwitch.help();
  }
}
