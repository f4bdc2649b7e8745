package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's {@code parser} option: with {@code SocketIoParser.msgpack()} it talks to a server
 * using the msgpack parser (events, typed arguments, binary and acks both ways), over each
 * transport.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientMsgpackParserTest {
  @Parameter TransportKind kind;

  record Point(int x, int y) {}

  private SocketIoServer server;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void msgpackBothWays(String transport) throws Exception {
    server =
        SocketIoServer.builder().host("127.0.0.1").port(0).parser(SocketIoParser.msgpack()).build();
    server.on(
        "connection",
        s -> {
          s.on("point", (Point p, Ack ack) -> ack.send(p.x() + p.y(), new byte[] {9, 8}));
          s.on("bytes", (byte[] b) -> s.emit("bytes-back", b, b.length));
        });
    server.start();
    socket =
        IO.socket(
            "http://127.0.0.1:" + server.address().getPort(),
            kind.options()
                .parser(SocketIoParser.msgpack())
                .transports(transport)
                .forceNew(true)
                .build());
    CompletableFuture<Object[]> back = new CompletableFuture<>();
    socket.on("bytes-back", (byte[] b, Integer n) -> back.complete(new Object[] {b, n}));
    Arguments ack =
        socket
            .timeout(Duration.ofSeconds(10))
            .emitWithAck("point", new Point(2, 3))
            .get(15, TimeUnit.SECONDS);
    assertThat(ack.get(0, Integer.class)).isEqualTo(5);
    assertThat(ack.get(1, byte[].class)).containsExactly(9, 8);
    socket.emit("bytes", (Object) new byte[] {1, 2, 3});
    Object[] got = back.get(10, TimeUnit.SECONDS);
    assertThat((byte[]) got[0]).containsExactly(1, 2, 3);
    assertThat(got[1]).isEqualTo(3);
  }
}
