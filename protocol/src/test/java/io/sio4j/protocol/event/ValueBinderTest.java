package io.sio4j.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.BinaryNode;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.SocketIoParser;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The value-binding seam: a {@link ValueBinder} binds application values (both ways, and in the
 * encoder's direct path), while trees, bytes and natural values stay with the wire mapper.
 */
class ValueBinderTest {
  record Order(String orderId, int itemCount) {}

  /** Another mapper standing in for the application's (here: snake_case), counting its calls. */
  static final class SnakeCaseBinder implements ValueBinder {
    final ObjectMapper app =
        JsonBinding.newDefaultMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    int calls;

    @Override
    public JsonNode toTree(Object value) {
      calls++;
      return app.valueToTree(value);
    }

    @Override
    public Object fromTree(JsonNode node, Type type) throws BindingException {
      calls++;
      try {
        return app.treeToValue(node, app.constructType(type));
      } catch (Exception e) {
        throw new BindingException("no: " + e.getMessage(), e);
      }
    }
  }

  private final SnakeCaseBinder binder = new SnakeCaseBinder();
  private final SocketIoParser parser = SocketIoParser.builder().values(binder).build();

  @Test
  void theBinderWritesAndBindsApplicationValues() throws Exception {
    JsonBinding binding = parser.binding();
    assertThat(binding.values()).containsSame(binder);
    JsonNode tree = binding.toTree(new Order("a1", 2));
    assertThat(tree.toString()).isEqualTo("{\"order_id\":\"a1\",\"item_count\":2}");
    Order back = binding.fromTree(tree, Order.class);
    assertThat(back).isEqualTo(new Order("a1", 2));
  }

  @Test
  void theEncoderWritesValuesThroughTheBinder() {
    EncodedPacket packet = parser.encoder().encodeEvent("/", -1, "order", new Order("a1", 2));
    String text = packet.text();
    assertThat(text).contains("{\"order_id\":\"a1\",\"item_count\":2}");
    assertThat(binder.calls).isEqualTo(1);
  }

  @Test
  void bytesTreesAndNaturalValuesStayWithTheWireMapper() throws Exception {
    JsonBinding binding = parser.binding();
    assertThat(binding.toTree(new byte[] {1})).isEqualTo(BinaryNode.valueOf(new byte[] {1}));
    JsonNode tree = new ObjectMapper().readTree("{\"a\":[1,\"x\"]}");
    assertThat(binding.toTree(tree)).isSameAs(tree);
    assertThat(binding.<JsonNode>fromTree(tree, JsonNode.class)).isSameAs(tree);
    assertThat(binding.toNatural(tree)).isEqualTo(Map.of("a", List.of(1, "x")));
    assertThat(binder.calls).isZero();
  }

  @Test
  void aBinderFailureIsABindingException() throws Exception {
    JsonNode text = new ObjectMapper().readTree("\"not an order\"");
    assertThatThrownBy(() -> parser.binding().fromTree(text, Order.class))
        .isInstanceOf(BindingException.class)
        .hasMessageStartingWith("no: ");
  }

  @Test
  void withoutABinderTheMapperBindsAsBefore() {
    SocketIoParser plain = SocketIoParser.json();
    assertThat(plain.binding().values()).isEmpty();
    String text = plain.encoder().encodeEvent("/", -1, "order", new Order("a1", 2)).text();
    assertThat(text).contains("{\"orderId\":\"a1\",\"itemCount\":2}");
  }
}
