package io.sio4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.client.AckTimeoutException;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.JsonBinding;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sio4j-cli}: connects to a Socket.IO server and namespace, prints every incoming event as
 * one JSON line, emits events with JSON arguments (optionally waiting for each ack) and exits with
 * a status saying what happened.
 *
 * <pre>{@code
 * java -jar cli/target/sio4j-cli.jar http://localhost:3000/chat \
 *     --emit msg '{"text":"hi"}' --ack --timeout 5s
 * java -jar cli/target/sio4j-cli.jar https://localhost:8443/ --ca my-ca.pem --listen
 * }</pre>
 *
 * <p>Output lines (stdout): {@code {"type":"connect","id":...}}, {@code
 * {"type":"event","event":...,"args":[...]}}, {@code {"type":"ack","event":...,"args":[...]}},
 * {@code {"type":"disconnect","reason":...}}. Errors go to stderr. Exit status: 0 success, 1
 * connection failed or lost, 2 usage error, 3 an ack did not come in time.
 *
 * <p>Not thread-safe: one run per instance; output lines are written under a lock.
 */
@Command(
    name = "sio4j-cli",
    mixinStandardHelpOptions = true,
    version = "sio4j-cli 0.1.0",
    description = "A Socket.IO v4 command-line client for debugging servers.",
    sortOptions = false)
public final class SioCli implements Callable<Integer> {
  /** Exit status when the connection failed or was lost. */
  public static final int CONNECTION_FAILED = 1;

  /** Exit status of a usage error (picocli's). */
  public static final int USAGE = 2;

  /** Exit status when an ack did not come within the timeout. */
  public static final int ACK_TIMEOUT = 3;

  private static final ObjectMapper JSON = JsonBinding.newDefaultMapper();

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "Server URL; the path is the namespace")
  String url;

  @Option(
      names = "--transports",
      split = ",",
      paramLabel = "websocket,polling",
      description = "Transports to use, in order (default: polling,websocket with upgrade)")
  List<String> transports;

  @Option(names = "--auth", paramLabel = "JSON", description = "Auth payload, a JSON object")
  String auth;

  @Option(names = "--query", paramLabel = "k=v", description = "Query parameter (repeatable)")
  Map<String, String> query = new LinkedHashMap<>();

  @Option(names = "--header", paramLabel = "k=v", description = "HTTP header (repeatable)")
  Map<String, String> headers = new LinkedHashMap<>();

  @Option(
      names = "--emit",
      paramLabel = "EVENT [JSON ...]",
      parameterConsumer = EmitConsumer.class,
      description = "Emit EVENT with JSON arguments after connecting (repeatable)")
  List<List<String>> emits = new ArrayList<>();

  @Option(names = "--ack", description = "Wait for each emit's ack and print it")
  boolean ack;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "Connection and ack timeout, e.g. 5s, 500ms (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description =
          "Trust the CA certificate(s) in this PEM file instead of the JDK's (https/wss servers"
              + " with a private CA); certificate and host name checks stay on")
  java.nio.file.Path ca;

  @Option(names = "--listen", description = "Stay connected and print events until interrupted")
  boolean listen;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log the client's debug output on stderr")
  boolean verbose;

  private final PrintStream out;
  private final PrintStream err;

  SioCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the CLI and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI with the given streams and returns its exit status (for tests and embedding). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new SioCli(out, err));
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (verbose) System.setProperty("org.slf4j.simpleLogger.log.io.sio4j", "debug");
    ClientOptions options;
    List<Object[]> emitArgs = new ArrayList<>();
    try {
      options = options();
      for (List<String> e : emits) emitArgs.add(parseArgs(e));
    } catch (IllegalArgumentException e) {
      err.println("sio4j-cli: " + e.getMessage());
      return USAGE;
    }
    Socket socket;
    try {
      socket = IO.socket(url, options);
    } catch (IllegalArgumentException e) {
      err.println("sio4j-cli: " + e.getMessage());
      return USAGE;
    }
    try {
      return session(socket, emitArgs);
    } finally {
      socket.io().close();
    }
  }

  private int session(Socket socket, List<Object[]> emitArgs) throws Exception {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<String> lost = new CompletableFuture<>();
    socket.onAny(
        (event, args) -> {
          // the server's ack request, if any, comes last as a callback: not printable
          List<Object> values = new ArrayList<>(args);
          values.removeIf(v -> v instanceof io.sio4j.protocol.event.Ack);
          print(line("event").put("event", event).set("args", tree(values)));
        });
    socket.on(
        "connect",
        () -> {
          print(line("connect").put("id", socket.id()).put("nsp", socket.nsp()));
          connected.complete(null);
        });
    socket.on("connect_error", (ConnectError e) -> connected.completeExceptionally(e));
    socket.on(
        "disconnect",
        (String reason) -> {
          print(line("disconnect").put("reason", reason));
          lost.complete(reason);
        });
    try {
      connected.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      ConnectError ce = (ConnectError) e.getCause();
      err.println(
          "sio4j-cli: cannot connect to "
              + url
              + ": "
              + ce.getMessage()
              + (ce.data() == null ? "" : " " + ce.data()));
      return CONNECTION_FAILED;
    } catch (TimeoutException e) {
      err.println("sio4j-cli: cannot connect to " + url + ": timeout");
      return CONNECTION_FAILED;
    }
    for (int i = 0; i < emits.size(); i++) {
      String event = emits.get(i).get(0);
      Object[] args = emitArgs.get(i);
      if (!ack) {
        socket.emit(event, args);
        continue;
      }
      try {
        Arguments r =
            socket
                .timeout(timeout)
                .emitWithAck(event, args)
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        print(line("ack").put("event", event).set("args", r.json()));
      } catch (ExecutionException e) {
        if (e.getCause() instanceof AckTimeoutException) {
          err.println("sio4j-cli: no ack for '" + event + "' within " + human(timeout));
          return ACK_TIMEOUT;
        }
        err.println("sio4j-cli: '" + event + "' failed: " + e.getCause().getMessage());
        return CONNECTION_FAILED;
      }
    }
    if (!listen) return 0;
    String reason = lost.get();
    if (reason.equals("io server disconnect")) return 0;
    err.println("sio4j-cli: connection lost: " + reason);
    return CONNECTION_FAILED;
  }

  private ClientOptions options() {
    ClientOptions.Builder b =
        ClientOptions.builder()
            .forceNew(true)
            .reconnection(false)
            .timeout(timeout)
            .query(query)
            .extraHeaders(headers);
    if (transports != null) b.transports(transports.toArray(String[]::new));
    if (ca != null) b.sslContext(CaTrust.fromPem(ca));
    if (auth != null) {
      JsonNode a = parseJson(auth, "--auth");
      if (!a.isObject()) throw new IllegalArgumentException("--auth must be a JSON object");
      b.auth(a);
    }
    return b.build();
  }

  private static Object[] parseArgs(List<String> emit) {
    Object[] args = new Object[emit.size() - 1];
    for (int i = 1; i < emit.size(); i++)
      args[i - 1] = parseJson(emit.get(i), "--emit " + emit.get(0));
    return args;
  }

  private static JsonNode parseJson(String text, String where) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(where + ": not JSON: " + text);
    }
  }

  private static ObjectNode line(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  private static JsonNode tree(Object value) {
    return JsonBinding.of(JSON).toTree(value);
  }

  private void print(JsonNode line) {
    synchronized (out) {
      out.println(line.toString());
      out.flush();
    }
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
