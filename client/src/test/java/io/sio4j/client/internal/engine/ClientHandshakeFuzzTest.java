package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Jazzer target for what the Java client reads from a server (issue 14): a polling response as
 * {@code PollingTransport} decodes it, the handshake in its OPEN packet as {@link Handshake} reads
 * it, and the Socket.IO packets in its MESSAGE packets as the Manager decodes them.
 *
 * <p>Invariants: only {@link ProtocolException} escapes; the handshake's intervals stay within
 * {@link Handshake#MAX_INTERVAL} (so that scheduling them cannot overflow) and its upgrades within
 * the client's transports; no payload yields more packets than the client's bound.
 */
public class ClientHandshakeFuzzTest {
  private static final int MAX_PACKETS = 64;
  private static final List<String> TRANSPORTS = List.of("polling", "websocket");

  @FuzzTest(maxDuration = "10m")
  void serverInputOnlyThrowsProtocolExceptions(byte[] input) {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) {
    check(input);
  }

  private static void check(byte[] input) {
    String body = new String(input, StandardCharsets.UTF_8);
    List<EnginePacket> packets;
    try {
      packets = EngineCodec.decodePayload(body, MAX_PACKETS);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(packets.size()).isLessThanOrEqualTo(MAX_PACKETS);
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    for (EnginePacket p : packets) {
      try {
        if (p.type() == EnginePacketType.OPEN) {
          Handshake h = Handshake.parse(p.text(), TRANSPORTS);
          assertThat(h.sid()).isNotNull();
          assertInterval(h.pingInterval());
          assertInterval(h.pingTimeout());
          assertThat(h.maxPayload()).isNotNegative();
          assertThat(TRANSPORTS).containsAll(h.upgrades());
          assertThat(h.pingInterval().plus(h.pingTimeout()).toNanos()).isNotNegative();
        } else if (p.type() == EnginePacketType.MESSAGE) {
          SocketPacket packet =
              p.isBinary() ? decoder.decodeBinary(p.binary()) : decoder.decodeText(p.text());
          if (packet != null) assertThat(packet.namespace()).isNotNull();
        }
      } catch (ProtocolException expected) {
        // the client closes the connection ("parse error") or fails the handshake
      }
    }
  }

  private static void assertInterval(Duration d) {
    assertThat(d).isBetween(Duration.ZERO, Handshake.MAX_INTERVAL);
  }
}
