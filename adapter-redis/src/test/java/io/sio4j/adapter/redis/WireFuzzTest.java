package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterWire;
import java.io.IOException;

/**
 * Jazzer target for the Redis adapter's message decoder (issue 14): what another node (Java or
 * Node) publishes is untrusted input to every node of the cluster.
 *
 * <p>The pattern for every cluster adapter: one {@code <Adapter>WireFuzzTest} per adapter module
 * that feeds raw message bytes through the same decoding steps as the adapter's inbound handler,
 * with its corpus under {@code src/test/resources/<package>/<Target>Inputs/<method>/}. It asserts
 * that only the documented exceptions escape (here {@link IOException} from Jackson, {@link
 * ProtocolException} from the msgpack codec and {@link IllegalArgumentException} for a well-formed
 * message of the wrong shape; the handler drops all three at debug level), that the bounds hold,
 * and that a decoded message re-encodes to an equal one.
 */
public class WireFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void decodeOnlyThrowsDocumentedExceptions(byte[] message) throws Exception {
    check(message);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] message) throws Exception {
    check(message);
  }

  private static void check(byte[] message) throws Exception {
    JsonNode msg;
    try {
      msg = Wire.decode(message);
    } catch (IOException | ProtocolException expected) {
      return;
    }
    boolean json = message.length > 0 && message[0] == '{';
    if (!msg.isContainerNode()) {
      // the adapter only writes maps and arrays: a bare msgpack 123 is the byte '{' and reads back
      // as JSON, in the official adapter too (corpus entry msgpack-fixint-123-reads-as-json)
      return;
    }
    if (json) {
      if (finite(msg)) assertThat(Wire.decode(Wire.json(msg))).isEqualTo(msg);
    } else {
      assertThat(Wire.decode(Wire.msgpack(msg))).isEqualTo(msg);
    }
    // a broadcast is [uid, packet, opts]; a request carries opts and rooms
    for (JsonNode opts : new JsonNode[] {msg.path(2), msg.path("opts"), msg}) {
      try {
        BroadcastOptions o = ClusterWire.decodeOptions(opts);
        assertThat(o.rooms().size()).isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
        assertThat(o.except().size()).isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
      } catch (IllegalArgumentException expected) {
        // dropped by the handler
      }
    }
    try {
      assertThat(ClusterWire.strings(msg.path("rooms")).size())
          .isLessThanOrEqualTo(ClusterWire.MAX_ROOMS);
    } catch (IllegalArgumentException expected) {
      // dropped by the handler
    }
  }

  /**
   * Jackson writes NaN and ±Infinity as strings where {@code JSON.stringify} writes null; no real
   * JSON message of the adapter holds one (JSON cannot even express NaN), so those skip the round
   * trip.
   */
  private static boolean finite(JsonNode node) {
    if (node.isFloatingPointNumber()) return Double.isFinite(node.doubleValue());
    for (JsonNode child : node) if (!finite(child)) return false;
    return true;
  }
}
