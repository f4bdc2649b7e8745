package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.socketio.SocketIoParser;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server binds incoming data with its own parser's mapper, the application's when given. */
class ServerMapperTest {
  record Order(String orderId, int qty) {}

  private FakeConnection c;

  @AfterEach
  void tearDown() {
    if (c != null) c.shutdown();
  }

  @Test
  void incomingArgumentsBindWithTheApplicationsMapper() throws Exception {
    ObjectMapper snake =
        JsonBinding.newDefaultMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    SocketIoServer io = SocketIoServer.builder().mapper(snake).build();
    CompletableFuture<List<Order>> got = new CompletableFuture<>();
    io.on(
        "connection",
        s ->
            s.on(
                "orders",
                new TypeReference<List<Order>>() {},
                (orders, ack) -> {
                  got.complete(orders);
                  ack.send(orders.get(0));
                }));
    c = FakeConnection.connect(io);
    c.text("0");
    c.next();
    c.text("21[\"orders\",[{\"order_id\":\"a\",\"qty\":1}]]");
    assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly(new Order("a", 1));
    assertThat(c.next()).isEqualTo("31[{\"order_id\":\"a\",\"qty\":1}]"); // written with it too
  }

  @Test
  void aParserAndADifferentMapperAreRefused() {
    ServerBuilder b =
        SocketIoServer.builder().parser(SocketIoParser.json()).mapper(new ObjectMapper());
    assertThatThrownBy(b::options).isInstanceOf(IllegalStateException.class);
    SocketIoParser parser = SocketIoParser.json();
    assertThat(SocketIoServer.builder().parser(parser).options().mapper())
        .isSameAs(parser.binding().mapper());
  }
}
