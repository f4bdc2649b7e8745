package io.sio4j.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The official wire: channels, inline NOTIFY versus attachment, headers, bounds. */
class PostgresWireTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ObjectNode message(String arg) {
    ObjectNode m = F.objectNode().put("uid", "abc").put("nsp", "/chat").put("type", 3);
    ObjectNode packet = m.putObject("data").putObject("packet").put("type", 2);
    packet.putArray("data").add("e").add(arg);
    return m;
  }

  @Test
  void channelAndListenQuoteTheName() {
    assertThat(PostgresWire.channel("socket.io", "/chat")).isEqualTo("socket.io#/chat");
    assertThat(PostgresWire.listen("a\"b")).isEqualTo("LISTEN \"a\"\"b\"");
    assertThatThrownBy(() -> PostgresWire.listen("a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binaryAndLargeMessagesGoThroughTheTable() throws Exception {
    ObjectNode small = message("x");
    assertThat(PostgresWire.inlinePayload(small, 8000)).startsWith("{\"uid\":\"abc\"");
    assertThat(PostgresWire.inlinePayload(small, 10)).isNull();
    ObjectNode binary = small.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) binary.at("/data/packet/data"))
        .add(F.binaryNode(new byte[] {1, 2}));
    assertThat(PostgresWire.inlinePayload(binary, 8000)).isNull();
    assertThat(PostgresWire.decodeAttachment(PostgresWire.attachment(binary), 1024))
        .isEqualTo(binary);
    String header = PostgresWire.header(binary, 42);
    assertThat(header).isEqualTo("{\"uid\":\"abc\",\"type\":3,\"attachmentId\":\"42\"}");
    PostgresWire.Notification n = PostgresWire.decodeNotification(header);
    assertThat(n.hasAttachment()).isTrue();
    assertThat(n.attachmentId()).isEqualTo(42);
    assertThat(n.uid()).isEqualTo("abc");
  }

  @Test
  void badNotificationsAndAttachmentsThrowOnlyDocumentedExceptions() {
    for (String bad :
        new String[] {
          "",
          "[]",
          "1",
          "{\"attachmentId\":\"-1\"}",
          "{\"attachmentId\":1.5}",
          "{\"attachmentId\":\"1e3\"}",
          "{\"attachmentId\":\"99999999999999999999\"}",
          "x".repeat(8001)
        }) {
      assertThatThrownBy(() -> PostgresWire.decodeNotification(bad))
          .as(bad)
          .isInstanceOfAny(
              IOException.class, ProtocolException.class, IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PostgresWire.decodeAttachment(new byte[2000], 1024))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresWire.decodeAttachment(new byte[] {(byte) 0x93, 1, 2, 3}, 64))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
