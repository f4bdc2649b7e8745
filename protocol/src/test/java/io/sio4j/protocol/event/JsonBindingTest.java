package io.sio4j.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sio4j.protocol.socketio.SocketIoParser;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBindingTest {
  private final JsonBinding binding = JsonBinding.create();

  record File(String fileName, byte[] content, ByteBuffer preview) {}

  @Test
  void bytesBecomeBinaryNodesAnywhere() {
    ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
    JsonNode tree = binding.toTree(new File("a", new byte[] {9}, direct));
    assertThat(tree.get("content")).isEqualTo(BinaryNode.valueOf(new byte[] {9}));
    assertThat(tree.get("preview")).isEqualTo(BinaryNode.valueOf(new byte[] {1, 2, 3}));
    assertThat(direct.remaining()).isEqualTo(3);
    assertThat(binding.toTree(ByteBuffer.wrap(new byte[] {5})))
        .isEqualTo(BinaryNode.valueOf(new byte[] {5}));
    assertThat(binding.toTree(null)).isEqualTo(NullNode.getInstance());
  }

  @Test
  void treesBindBackToGenericTypes() throws Exception {
    JsonNode tree = binding.toTree(List.of(new File("x", new byte[] {1}, null)));
    List<File> files = binding.fromTree(tree, new TypeReference<List<File>>() {}.getType());
    assertThat(files.get(0).fileName()).isEqualTo("x");
    assertThat(files.get(0).content()).containsExactly(1);
  }

  @Test
  void naturalValues() {
    JsonNode tree = binding.toTree(Map.of("b", new byte[] {2}, "n", 3));
    Object natural = binding.toNatural(tree);
    assertThat(natural).isInstanceOf(Map.class);
    assertThat((byte[]) ((Map<?, ?>) natural).get("b")).containsExactly(2);
    assertThat(((Map<?, ?>) natural).get("n")).isEqualTo(3);
  }

  @Test
  void mismatchIsABindingException() {
    assertThatThrownBy(() -> binding.fromTree(binding.toTree("abc"), Integer.class))
        .isInstanceOf(BindingException.class)
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void applicationMapperIsUsedByTheCodecToo() {
    ObjectMapper snake =
        JsonBinding.newDefaultMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    SocketIoParser parser = SocketIoParser.builder().mapper(snake).build();
    String text = parser.encoder().encodeEvent("/", -1, "f", new File("n", null, null)).text();
    assertThat(text).isEqualTo("2[\"f\",{\"file_name\":\"n\",\"content\":null,\"preview\":null}]");
    assertThat(JsonBinding.of(snake).mapper()).isSameAs(snake);
  }
}
