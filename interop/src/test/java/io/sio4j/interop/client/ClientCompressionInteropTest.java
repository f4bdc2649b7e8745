package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.server.SocketIoServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate from the client (issue 13): the OkHttp transport offers it and compresses
 * large messages when the server accepts it; the JDK transport ({@code java.net.http} has no
 * WebSocket extensions) sends them as they are. Measured as the bytes the client sent through a TCP
 * proxy.
 */
class ClientCompressionInteropTest {
  private static final String BIG = "abc".repeat(100_000); // 300 kB, very compressible

  private SocketIoServer server;
  private TcpProxy proxy;
  private Socket socket;

  @AfterEach
  void tearDown() throws Exception {
    if (socket != null) socket.io().close();
    if (proxy != null) proxy.close();
    if (server != null) server.close();
  }

  private long bytesForOneBigEmit(TransportKind kind) throws Exception {
    server =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .engine(e -> e.perMessageDeflate(true))
            .build();
    server.on(
        "connection", s -> s.onRaw("big", (args, ack) -> ack.send(args.get(0).asText().length())));
    server.start();
    proxy = new TcpProxy(server.address().getPort());
    socket =
        IO.socket(
            "http://127.0.0.1:" + proxy.port(),
            kind.options().forceNew(true).transports("websocket").build());
    await().until(socket::connected);
    long before = proxy.clientBytes.get();
    int length = socket.emitWithAck("big", BIG).get(10, TimeUnit.SECONDS).get(0, Integer.class);
    assertThat(length).isEqualTo(BIG.length());
    return proxy.clientBytes.get() - before;
  }

  @Test
  void okHttpCompressesLargeMessages() throws Exception {
    long sent = bytesForOneBigEmit(TransportKind.OKHTTP);
    assertThat(proxy.firstChunks.get(0)).containsIgnoringCase("permessage-deflate");
    assertThat(sent).isLessThan(BIG.length() / 10);
  }

  @Test
  void jdkSendsThemUncompressed() throws Exception {
    long sent = bytesForOneBigEmit(TransportKind.JDK);
    assertThat(sent).isGreaterThan(BIG.length());
  }
}
