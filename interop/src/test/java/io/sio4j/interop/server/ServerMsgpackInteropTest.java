package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser seam: our server with {@code SocketIoParser.msgpack()} against npm socket.io-client
 * with socket.io-msgpack-parser: connect, typed events, binary and acks both ways.
 */
class ServerMsgpackInteropTest {
  /** A POJO bound from the client's map. */
  public record Point(int x, int y) {}

  private SocketIoServer io;
  private SioClient client;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  @BeforeEach
  void start() {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .parser(SocketIoParser.msgpack())
            .serveClient(false)
            .build();
    io.on("connection", connected::complete);
    io.start();
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void eventsBinaryAndAcksOverMsgpack(String transport) throws Exception {
    client.connected(
        "a",
        "/",
        Map.of("transports", List.of(transport), "parser", "msgpack", "auth", Map.of("k", 1)));
    Socket s = connected.get(10, TimeUnit.SECONDS);
    assertThat(s.handshake().auth().path("k").asInt()).isEqualTo(1);
    s.on("move", (Point p, Ack ack) -> ack.send(p.x() + p.y()));
    int seq = client.emitWithAck("a", "move", null, Map.of("x", 2, "y", 3));
    assertThat(client.awaitAck("a", seq).path("args").toString()).isEqualTo("[5]");

    CompletableFuture<byte[]> up = new CompletableFuture<>();
    s.on("up", (byte[] data) -> up.complete(data));
    client.emit("a", "up", Map.of("$bin", Base64.getEncoder().encodeToString(new byte[] {4, 2})));
    assertThat(up.get(10, TimeUnit.SECONDS)).containsExactly(4, 2);

    Arguments r = s.emitWithAck("down", new byte[] {9}, "text").get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("ack");
    assertThat(r.get(1, byte[].class)).containsExactly(9);
    assertThat(r.get(2, String.class)).isEqualTo("text");
  }
}
