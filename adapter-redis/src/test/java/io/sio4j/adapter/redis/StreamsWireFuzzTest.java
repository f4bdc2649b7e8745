package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.ClusterWire;
import io.sio4j.server.adapter.SessionToPersist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Jazzer target for the Streams adapter's decoders (after {@link WireFuzzTest}): a stream entry's
 * fields and a stored session are written by any node of the cluster, Java or Node, and are
 * untrusted. The input is UTF-8 text split at newlines into {@code type}, {@code data}, {@code
 * nsp}, a stored session and an offset (the corpus files are readable that way). Only {@link
 * IOException}, {@link ProtocolException} and {@link IllegalArgumentException} may escape (the
 * adapter drops all three at debug level), a decoded entry re-encodes to an equal one, and a
 * decoded session encodes back to an equal one.
 */
public class StreamsWireFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @FuzzTest(maxDuration = "10m")
  void decodeOnlyThrowsDocumentedExceptions(byte[] input) throws Exception {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) throws Exception {
    check(input);
  }

  private static void check(byte[] input) throws Exception {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 5);
    Map<String, String> fields = new HashMap<>();
    fields.put("uid", "fuzz");
    fields.put("type", parts[0]);
    if (parts.length > 1) fields.put("data", parts[1]);
    fields.put("nsp", parts.length > 2 ? parts[2] : "/");
    entry(fields);
    if (parts.length > 3) session(parts[3]);
    if (parts.length > 4) offset(parts[4]);
  }

  private static void entry(Map<String, String> fields) throws Exception {
    JsonNode message;
    try {
      message = StreamsWire.decodeEntry(fields);
    } catch (IOException | ProtocolException | IllegalArgumentException expected) {
      return;
    }
    assertThat(message.path("type").isInt()).isTrue();
    JsonNode data = message.get("data");
    // binary only survives in the types that may carry it (as upstream, which JSON-encodes the
    // others); corpus entry binary-in-a-type-without-binary
    boolean binaryKept =
        !ClusterWire.hasBinary(data) || StreamsWire.mayContainBinary(message.path("type").asInt());
    // data is always an object on the wire: JSON data is recognised by its '{' (as upstream), so
    // an array that came as msgpack would not read back (corpus entry msgpack-array-data)
    if (data != null && data.isObject() && finite(data) && binaryKept) {
      assertThat(StreamsWire.decodeEntry(StreamsWire.encodeEntry(message))).isEqualTo(message);
    }
    try {
      ArrayNode missed =
          StreamsWire.missedPacket(fields, "1-0", fields.get("nsp"), Set.of("room", "sid"));
      if (missed != null) assertThat(missed.get(missed.size() - 1).asText()).isEqualTo("1-0");
    } catch (IOException | ProtocolException | IllegalArgumentException expected) {
      // dropped by the adapter
    }
  }

  private static void session(String stored) throws Exception {
    SessionToPersist session;
    try {
      session = StreamsWire.decodeSession(stored, MAPPER);
    } catch (IOException | ProtocolException | IllegalArgumentException expected) {
      return;
    }
    assertThat(session.rooms().size()).isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
    SessionToPersist again =
        StreamsWire.decodeSession(StreamsWire.encodeSession(session, MAPPER), MAPPER);
    assertThat(again.sid()).isEqualTo(session.sid());
    assertThat(again.rooms()).isEqualTo(session.rooms());
  }

  private static void offset(String offset) {
    if (!StreamsWire.isOffset(offset)) return;
    try {
      String next = StreamsWire.nextOffset(offset);
      assertThat(StreamsWire.isOffset(next) || next.length() > offset.length()).isTrue();
    } catch (IllegalArgumentException expected) {
      // an id past 2^64: Redis refuses it too, and the recovery starts a new session
    }
  }

  /** NaN and ±Infinity do not survive JSON (see {@link WireFuzzTest}). */
  private static boolean finite(JsonNode node) {
    if (node.isFloatingPointNumber()) return Double.isFinite(node.doubleValue());
    for (JsonNode child : node) if (!finite(child)) return false;
    return true;
  }
}
