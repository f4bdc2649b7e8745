package io.sio4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatInputTest {

  @Test
  void usernamesAreTrimmedAndMayHoldAnyPrintableText() {
    assertThat(ChatInput.username("  ada ")).isEqualTo("ada");
    assertThat(ChatInput.username("<b>Zoë</b>")).isEqualTo("<b>Zoë</b>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "a\u0000b",
        "line\nbreak",
        "rtl\u202Eoverride",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void badUsernamesAreRefused(String name) {
    assertThatThrownBy(() -> ChatInput.username(name)).isInstanceOf(ChatRejection.class);
  }

  @Test
  void nonTextIsRefusedEverywhere() {
    for (Object bad : new Object[] {null, 42, Map.of("a", 1), true}) {
      assertThatThrownBy(() -> ChatInput.username(bad)).isInstanceOf(ChatRejection.class);
      assertThatThrownBy(() -> ChatInput.roomName(bad)).isInstanceOf(ChatRejection.class);
      assertThatThrownBy(() -> ChatInput.message(bad)).isInstanceOf(ChatRejection.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"general", "Java 17", "rust-lang", "ça_va", "v1.2", "  trimmed  "})
  void roomNames(String room) {
    assertThat(ChatInput.roomName(room)).isEqualTo(room.strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-leading",
        "<script>",
        "a/b",
        "tab\tname",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void badRoomNamesAreRefused(String room) {
    assertThatThrownBy(() -> ChatInput.roomName(room)).isInstanceOf(ChatRejection.class);
  }

  @Test
  void messagesAreKeptAsTyped() {
    String evil = "<img src=x onerror=alert(1)>";
    assertThat(ChatInput.message(evil)).isEqualTo(evil);
    assertThat(ChatInput.message(" two\nlines ")).isEqualTo(" two\nlines ");
    assertThat(ChatInput.message("x".repeat(1000))).hasSize(1000);
    assertThatThrownBy(() -> ChatInput.message(" \n ")).isInstanceOf(ChatRejection.class);
    assertThatThrownBy(() -> ChatInput.message("x".repeat(1001)))
        .isInstanceOf(ChatRejection.class)
        .hasMessageContaining("1000");
  }
}
