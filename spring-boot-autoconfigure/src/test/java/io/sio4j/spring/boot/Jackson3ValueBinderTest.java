package io.sio4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.socketio.SocketIoParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Payloads bound by a Jackson 3 mapper across the wire's Jackson 2 trees, without loss. */
class Jackson3ValueBinderTest {
  record Upload(String fileName, byte[] content, Instant sentAt) {}

  /** A value type the application's own module writes as a string and reads back. */
  record Money(long cents) {}

  record Price(Money amount) {}

  private final JsonMapper app =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(
              new tools.jackson.databind.module.SimpleModule("money")
                  .addSerializer(
                      Money.class,
                      new tools.jackson.databind.ser.std.StdSerializer<Money>(Money.class) {
                        @Override
                        public void serialize(
                            Money m,
                            tools.jackson.core.JsonGenerator g,
                            tools.jackson.databind.SerializationContext c) {
                          g.writeString(
                              m.cents() / 100 + "." + String.format("%02d", m.cents() % 100));
                        }
                      })
                  .addDeserializer(
                      Money.class,
                      new tools.jackson.databind.deser.std.StdDeserializer<Money>(Money.class) {
                        @Override
                        public Money deserialize(
                            tools.jackson.core.JsonParser p,
                            tools.jackson.databind.DeserializationContext c) {
                          return new Money(
                              new BigDecimal(p.getString()).movePointRight(2).longValueExact());
                        }
                      }))
          .build();
  private final JsonBinding binding =
      SocketIoParser.builder().values(new Jackson3ValueBinder(app)).build().binding();

  @Test
  void theApplicationsNamingDatesAndBinaryApplyBothWays() throws Exception {
    Instant at = Instant.parse("2026-12-01T10:15:30Z");
    JsonNode tree = binding.toTree(new Upload("a.txt", new byte[] {1, 2}, at));
    assertThat(tree.get("file_name").asText()).isEqualTo("a.txt");
    assertThat(tree.get("content")).isEqualTo(BinaryNode.valueOf(new byte[] {1, 2}));
    assertThat(tree.get("sent_at").asText()).isEqualTo("2026-12-01T10:15:30Z");
    Upload back = binding.fromTree(tree, Upload.class);
    assertThat(back.fileName()).isEqualTo("a.txt");
    assertThat(back.content()).containsExactly(1, 2);
    assertThat(back.sentAt()).isEqualTo(at);
  }

  @Test
  void theApplicationsModulesApply() throws Exception {
    JsonNode tree = binding.toTree(new Price(new Money(1250)));
    assertThat(tree.toString()).isEqualTo("{\"amount\":\"12.50\"}");
    assertThat(binding.<Price>fromTree(tree, Price.class)).isEqualTo(new Price(new Money(1250)));
  }

  @Test
  void numbersKeepTheirKind() throws Exception {
    JsonNode tree =
        new ObjectMapper()
            .readTree(
                "[1, 12345678901, 123456789012345678901234567890, 1.5, true, null, \"s\","
                    + " {\"a\": []}]");
    List<Object> values = binding.fromTree(tree, new TypeReference<List<Object>>() {}.getType());
    assertThat(values)
        .containsExactly(
            1,
            12345678901L,
            new BigInteger("123456789012345678901234567890"),
            1.5,
            true,
            null,
            "s",
            Map.of("a", List.of()));
    assertThat(binding.toTree(new BigDecimal("1.25")).decimalValue()).isEqualByComparingTo("1.25");
    assertThat(binding.toTree(List.of(7L, 2.5f)).toString()).isEqualTo("[7,2.5]");
  }

  @Test
  void aPayloadThatDoesNotFitIsABindingException() throws Exception {
    JsonNode text = new ObjectMapper().readTree("\"just text\"");
    assertThatThrownBy(() -> binding.fromTree(text, Upload.class))
        .isInstanceOf(BindingException.class)
        .hasMessageStartingWith("cannot bind a JSON string to");
  }

  @Test
  void byteBuffersAreBinaryToo() {
    record Chunk(java.nio.ByteBuffer data) {}
    java.nio.ByteBuffer direct =
        java.nio.ByteBuffer.allocateDirect(2).put(new byte[] {7, 8}).flip();
    JsonNode tree = binding.toTree(new Chunk(direct));
    assertThat(tree.get("data")).isEqualTo(BinaryNode.valueOf(new byte[] {7, 8}));
    assertThat(direct.remaining()).isEqualTo(2);
  }
}
