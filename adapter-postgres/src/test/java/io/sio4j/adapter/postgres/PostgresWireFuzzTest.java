package io.sio4j.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for the Postgres adapter's decoder (issue 11, after the pattern of adapter-redis's
 * {@code WireFuzzTest}): NOTIFY payloads and attachment rows are written by any node (Java or Node)
 * or anyone with access to the database, so they are untrusted input to every node.
 *
 * <p>The same bytes go both ways the listener reads them: as a NOTIFY payload (UTF-8 text, JSON)
 * and as an attachment row (MessagePack, JSON taken too). Only the documented exceptions may escape
 * ({@link IOException} from Jackson, {@link ProtocolException} from the msgpack codec, {@link
 * IllegalArgumentException} for a message of the wrong shape; the listener drops all three at
 * debug), the bounds hold, an attachment id is never negative, and a decoded attachment re-encodes
 * to an equal tree.
 */
public class PostgresWireFuzzTest {
  private static final int MAX_ATTACHMENT = 64 * 1024;

  @FuzzTest(maxDuration = "10m")
  void decodeOnlyThrowsDocumentedExceptions(byte[] input) throws Exception {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) throws Exception {
    check(input);
  }

  private static void check(byte[] input) throws Exception {
    try {
      PostgresWire.Notification n =
          PostgresWire.decodeNotification(new String(input, StandardCharsets.UTF_8));
      if (n.hasAttachment()) {
        assertThat(n.attachmentId()).isNotNegative();
        assertThat(n.message()).isNull();
      } else {
        assertThat(n.message().isObject()).isTrue();
        options(n.message());
      }
    } catch (IOException | ProtocolException | IllegalArgumentException expected) {
      // dropped by the listener
    }
    JsonNode attachment;
    try {
      attachment = PostgresWire.decodeAttachment(input, MAX_ATTACHMENT);
    } catch (IOException | ProtocolException | IllegalArgumentException expected) {
      return;
    }
    assertThat(input.length).isLessThanOrEqualTo(MAX_ATTACHMENT);
    assertThat(attachment.isObject()).isTrue();
    if (input[0] != '{') {
      assertThat(ClusterWire.decode(PostgresWire.attachment(attachment.deepCopy())))
          .isEqualTo(attachment);
    }
    options(attachment);
  }

  /** What the template reads next: broadcast options and room lists, bounded. */
  private static void options(JsonNode message) {
    JsonNode data = message.path("data");
    try {
      BroadcastOptions o = ClusterWire.decodeOptions(data.path("opts"));
      assertThat(o.rooms().size()).isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
      assertThat(o.except().size()).isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
    } catch (IllegalArgumentException expected) {
      // dropped by the template
    }
    try {
      assertThat(ClusterWire.strings(data.path("rooms")).size())
          .isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
    } catch (IllegalArgumentException expected) {
      // dropped by the template
    }
  }
}
