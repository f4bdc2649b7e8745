package io.sio4j.server.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages from a store are untrusted: whatever shape they have, {@link ClusterAdapter#onMessage}
 * drops what it cannot use without throwing, and the node keeps working afterwards.
 */
class ClusterAdapterBadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalBus bus = new LocalBus();
  private final SocketIoServer io =
      SocketIoServer.builder().adapter(bus.plain(Duration.ofSeconds(3))).build();

  @AfterEach
  void close() {
    io.close();
    bus.close();
  }

  @Test
  void malformedMessagesAreDropped() throws Exception {
    ClusterAdapter adapter = (ClusterAdapter) io.sockets().adapter();
    StringBuilder manyRooms = new StringBuilder("[");
    for (int i = 0; i <= ClusterWire.MAX_ROOMS; i++) manyRooms.append(i == 0 ? "" : ",").append(i);
    manyRooms.append(']');
    List<String> bad =
        List.of(
            "[]",
            "\"text\"",
            "{}",
            "{\"uid\":\"x\",\"type\":\"three\"}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":[]}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":{\"type\":0},\"opts\":{}}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":{\"type\":2,\"data\":[]},\"opts\":{}}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":{\"type\":2,\"data\":[\"e\"]},\"opts\":7}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":4,\"data\":{\"opts\":{\"rooms\":"
                + manyRooms
                + "},\"rooms\":[\"r\"]}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":5,\"data\":{\"opts\":{\"rooms\":{}},\"rooms\":[\"r\"]}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":7,\"data\":{\"opts\":{}}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":9,\"data\":{\"packet\":[1,2]}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":8,\"data\":{\"requestId\":\"unknown\",\"sockets\":7}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":11,\"data\":{\"requestId\":5,\"clientCount\":-1}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":99,\"data\":{}}");
    for (String message : bad) {
      assertThatCode(() -> adapter.onMessage(JSON.readTree(message), null))
          .as(message)
          .doesNotThrowAnyException();
    }
    assertThatCode(() -> adapter.onMessage(null, null)).doesNotThrowAnyException();
    // still a working node
    List<ArrayNode> answers = io.serverSideEmitWithAck("hello").get(5, TimeUnit.SECONDS);
    assertThat(answers).isEmpty();
    assertThat(io.fetchSockets().get(5, TimeUnit.SECONDS)).isEmpty();
  }
}
