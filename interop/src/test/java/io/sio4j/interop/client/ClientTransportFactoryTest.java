package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.client.transport.HttpConnector;
import io.sio4j.client.transport.TransportFactory;
import io.sio4j.server.SocketIoServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public transport seam: a {@link TransportFactory} set in the options carries every request
 * and WebSocket of the client (here one that counts them and delegates to the JDK default).
 */
class ClientTransportFactoryTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger webSockets = new AtomicInteger();
  private SocketIoServer server;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  /** Counts what goes through it; the JDK connector does the I/O. */
  private final class CountingConnector implements HttpConnector {
    private final HttpConnector jdk;

    CountingConnector(ClientOptions options) {
      jdk = TransportFactory.jdk().create(options);
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
      requests.incrementAndGet();
      return jdk.send(request);
    }

    @Override
    public CompletableFuture<WebSocketConnection> openWebSocket(
        URI uri, Map<String, List<String>> headers, WebSocketListener listener) {
      webSockets.incrementAndGet();
      return jdk.openWebSocket(uri, headers, listener);
    }

    @Override
    public void close() {
      jdk.close();
    }
  }

  @Test
  void aCustomFactoryCarriesPollingAndTheWebSocketUpgrade() throws Exception {
    server = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    server.on("connection", s -> s.onRaw("ack", (args, ack) -> ack.send(args.toArray())));
    server.start();
    socket =
        IO.socket(
            "http://127.0.0.1:" + server.address().getPort(),
            ClientOptions.builder()
                .forceNew(true)
                .transportFactory(CountingConnector::new)
                .build());
    String answer = socket.emitWithAck("ack", "hi").get(10, TimeUnit.SECONDS).get(0, String.class);
    assertThat(answer).isEqualTo("hi");
    assertThat(requests.get()).as("polling requests").isPositive();
    assertThat(webSockets.get()).as("upgrade WebSockets").isPositive();
  }
}
