package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packed handshake maps answer exactly like the LinkedHashMaps they replace. */
class PackedMapsTest {
  @Test
  void headersGroupValuesByLowerCasedNameInArrivalOrder() {
    Map<String, List<String>> h =
        new PackedMaps.Builder()
            .addLowerCased("Host", "example.com")
            .addLowerCased("Cookie", "a=1")
            .addLowerCased("X-Empty", "")
            .addLowerCased("cookie", "b=2")
            .headers();
    assertThat(h.get("host")).containsExactly("example.com");
    assertThat(h.get("cookie")).containsExactly("a=1", "b=2");
    assertThat(h.get("x-empty")).containsExactly("");
    assertThat(h.get("Host")).isNull();
    assertThat(h.get("missing")).isNull();
    assertThat(h.get(42)).isNull();
    assertThat(h.containsKey("cookie")).isTrue();
    assertThat(h.containsKey("cook")).isFalse();

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("host", List.of("example.com"));
    expected.put("cookie", List.of("a=1", "b=2"));
    expected.put("x-empty", List.of(""));
    assertThat(h).isEqualTo(expected);
    assertThat(h.hashCode()).isEqualTo(expected.hashCode());
    assertThat(h.keySet()).containsExactly("host", "cookie", "x-empty");
    assertThat(h).hasSize(3);
    assertThat(h.toString()).isEqualTo(expected.toString());
    // a lookup after the map was built answers the same
    assertThat(h.get("cookie")).containsExactly("a=1", "b=2");
  }

  @Test
  void mapsAreReadOnly() {
    Map<String, List<String>> h = new PackedMaps.Builder().addLowerCased("A", "1").headers();
    assertThatThrownBy(() -> h.put("b", List.of("2")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.get("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, String> q = new PackedMaps.Builder().add("EIO", "4").firstValues();
    assertThatThrownBy(() -> q.remove("EIO")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void queryKeepsTheFirstValueOfEachName() {
    Map<String, String> q =
        new PackedMaps.Builder(4, 1)
            .add("EIO", "4")
            .add("transport", "websocket")
            .add("EIO", "3")
            .add("t", "")
            .firstValues();
    assertThat(q.get("EIO")).isEqualTo("4");
    assertThat(q.get("eio")).isNull();
    assertThat(q.get("t")).isEmpty();
    assertThat(q)
        .containsExactly(
            Map.entry("EIO", "4"), Map.entry("transport", "websocket"), Map.entry("t", ""));
    assertThat(new PackedMaps.Builder().firstValues()).isEmpty();
    assertThat(new PackedMaps.Builder().headers()).isEqualTo(Map.of());
  }
}
