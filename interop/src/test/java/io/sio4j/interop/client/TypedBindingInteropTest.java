package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.SocketIoServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The explicit typed listeners and the user's own mapper, on both sides, between our server and our
 * client: a {@code List<Order>} arrives as records (not maps), and incoming data binds with the
 * mapper each side was configured with.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class TypedBindingInteropTest {
  @Parameter TransportKind kind;

  record Order(String orderId, int qty) {}

  private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {};

  private SocketIoServer server;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  private Socket connect(ClientOptions.Builder options) {
    String url = "http://127.0.0.1:" + server.address().getPort() + "/";
    socket = IO.socket(url, options.forceNew(true).reconnection(false).build());
    return socket;
  }

  @Test
  void genericListsArriveAsRecordsOnTheServerAndTheClient() throws Exception {
    server = SocketIoServer.builder().host("127.0.0.1").port(0).build().start();
    CompletableFuture<List<Order>> serverGot = new CompletableFuture<>();
    server.on(
        "connection",
        s -> {
          s.on(
              "orders",
              ORDERS,
              (orders, ack) -> {
                serverGot.complete(orders);
                ack.send(orders.size(), orders);
              });
          s.emit("orders", List.of(new Order("from-server", 9)));
        });
    CompletableFuture<List<Order>> clientGot = new CompletableFuture<>();
    Socket client = connect(kind.options());
    client.once("orders", ORDERS, clientGot::complete);
    List<Order> sent = List.of(new Order("a", 1), new Order("b", 2));
    CompletableFuture<List<Order>> echoed =
        client.emitWithAck("orders", sent).thenApply(r -> r.get(1, ORDERS));

    assertThat(serverGot.get(10, TimeUnit.SECONDS))
        .isEqualTo(sent)
        .hasOnlyElementsOfType(Order.class);
    assertThat(clientGot.get(10, TimeUnit.SECONDS))
        .isEqualTo(List.of(new Order("from-server", 9)))
        .hasOnlyElementsOfType(Order.class);
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(sent);
  }

  @Test
  void eachSideBindsIncomingDataWithItsOwnMapper() throws Exception {
    ObjectMapper serverMapper =
        JsonBinding.newDefaultMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    ObjectMapper clientMapper =
        JsonBinding.newDefaultMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    server =
        SocketIoServer.builder().host("127.0.0.1").port(0).mapper(serverMapper).build().start();
    server.on(
        "connection",
        s -> {
          // a snake_case key binds to orderId only through the server's own mapper
          s.on("order", Order.class, (order, ack) -> ack.send(order.orderId(), order.qty()));
          s.emit("order", Map.of("order_id", "from-server", "qty", 5));
        });
    CompletableFuture<Order> clientGot = new CompletableFuture<>();
    Socket client =
        connect(kind.options().parser(SocketIoParser.builder().mapper(clientMapper).build()));
    client.once("order", Order.class, clientGot::complete);
    CompletableFuture<String> serverSaw =
        client
            .emitWithAck("order", Map.of("order_id", "from-client", "qty", 1))
            .thenApply(r -> r.get(0, String.class) + "/" + r.get(1, Integer.class));

    assertThat(clientGot.get(10, TimeUnit.SECONDS)).isEqualTo(new Order("from-server", 5));
    assertThat(serverSaw.get(10, TimeUnit.SECONDS)).isEqualTo("from-client/1");
    assertThat(server.options().mapper()).isSameAs(serverMapper);
  }

  @Test
  void defaultMappersArePerInstanceNotShared() {
    assertThat(SocketIoServer.builder().options().mapper())
        .isNotSameAs(SocketIoServer.builder().options().mapper());
    assertThat(ClientOptions.DEFAULTS.parser().binding().mapper())
        .isNotSameAs(ClientOptions.DEFAULTS.parser().binding().mapper());
    assertThat(SocketIoParser.json().binding().mapper())
        .isNotSameAs(SocketIoParser.json().binding().mapper());
  }
}
