package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Container;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.AckTimeoutException;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events, typed arguments, binary both ways and acknowledgements both ways (with timeouts) between
 * our server and npm socket.io-client 4.8, over each transport.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ServerEventsInteropTest {
  /** What carries the bytes: sio4j's Netty server, embedded Jetty or embedded Tomcat. */
  @Parameter Container container;

  /** A POJO bound from the client's JSON. */
  public record Order(String item, int qty) {}

  private SocketIoServer io;
  private SioClient client;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  @BeforeEach
  void start() {
    io = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    io.on("connection", connected::complete);
    container.serve(io);
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  private Socket connect(String transport) throws Exception {
    JsonNode c = client.connected("a", "/", Map.of("transports", List.of(transport)));
    Socket s = connected.get(10, TimeUnit.SECONDS);
    assertThat(c.path("sid").asText()).isEqualTo(s.id());
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void quickStartChatBroadcast(String transport) throws Exception {
    io.on("connection", socket -> socket.on("chat", (String msg) -> io.emit("chat", msg)));
    connect(transport);
    client.emit("a", "chat", "hello");
    assertThat(client.awaitEvent("a", "chat").path("args").get(0).asText()).isEqualTo("hello");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void typedArgumentsAndAckFromServer(String transport) throws Exception {
    Socket s = connect(transport);
    s.on("order", (Order o, Ack ack) -> ack.send("ok", o.qty() * 2));
    int seq = client.emitWithAck("a", "order", null, Map.of("item", "tea", "qty", 21));
    JsonNode ack = client.awaitAck("a", seq);
    assertThat(ack.path("args").toString()).isEqualTo("[\"ok\",42]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void binaryBothWays(String transport) throws Exception {
    Socket s = connect(transport);
    CompletableFuture<byte[]> received = new CompletableFuture<>();
    s.on("upload", (String name, byte[] data) -> received.complete(data));
    String b64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 255});
    client.emit("a", "upload", "f.bin", Map.of("$bin", b64));
    assertThat(received.get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 255);

    s.emit("download", Map.of("name", "x", "content", new byte[] {9, 8, 7}));
    JsonNode e = client.awaitEvent("a", "download");
    assertThat(e.path("args").get(0).path("content").path("$bin").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void emitWithAckToClientAndTimeout(String transport) throws Exception {
    Socket s = connect(transport);
    Arguments r = s.emitWithAck("question", 7).get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("ack");
    assertThat(r.get(1, Integer.class)).isEqualTo(7);

    // listen before the client emits: the event may arrive before the next line runs
    CompletableFuture<String> sync = new CompletableFuture<>();
    s.on("sync", () -> sync.complete("ok"));
    client.noAnswer("a", "silent");
    client.emit("a", "sync"); // the no-answer command is processed before the next emit
    sync.get(10, TimeUnit.SECONDS);
    CompletableFuture<Arguments> late = s.timeout(Duration.ofMillis(200)).emitWithAck("silent");
    ExecutionException err =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
    assertThat(err.getCause()).isInstanceOf(AckTimeoutException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket"})
  void clientAckTimeoutWhenServerDoesNotAnswer(String transport) throws Exception {
    Socket s = connect(transport);
    s.on("ignored", (String x) -> {});
    int seq = client.emitWithAck("a", "ignored", 200, "x");
    JsonNode r = client.awaitAck("a", seq);
    assertThat(r.path("type").asText()).isEqualTo("ack_error");
    assertThat(r.path("message").asText()).isEqualTo("operation has timed out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket"})
  void catchAllAndSendMessage(String transport) throws Exception {
    Socket s = connect(transport);
    CompletableFuture<String> any = new CompletableFuture<>();
    s.onAny((event, args) -> any.complete(event + args));
    client.emit("a", "message", "hi", 1);
    assertThat(any.get(10, TimeUnit.SECONDS)).isEqualTo("message[hi, 1]");
    s.send("back");
    assertThat(client.awaitEvent("a", "message").path("args").get(0).asText()).isEqualTo("back");
  }
}
