package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.protocol.ProtocolException;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of valid packets, fed as text and binary frames in random order: the
 * decoder only ever returns a packet, null, or throws {@link ProtocolException} (never another
 * exception, which would escape into the network layer), and recovers for the next valid packet.
 */
class DecoderFuzzTest {
  private static final List<String> SEEDS =
      List.of(
          "0",
          "0/admin,{\"token\":\"123\"}",
          "1/admin,",
          "2[\"foo\",1,\"2\",{\"3\":[false]},null]",
          "212/chat,[\"foo\",{\"a\":[1.5e3,-2]}]",
          "3/admin,13[\"bar\"]",
          "4{\"message\":\"Not authorized\",\"data\":{\"x\":1}}",
          "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]",
          "62-/admin,789[{\"_placeholder\":true,\"num\":0},{\"k\":{\"_placeholder\":true,\"num\":1}}]");
  private static final String SPECIALS = "0123456789-/,[]{}\":_.eE+\\\u0000\u00e9\ud83d\ude00";

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> 0xF022_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void onlyProtocolExceptionsEscape(long seed) throws Exception {
    Random r = new Random(seed);
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    for (int round = 0; round < 40; round++) {
      try {
        if (r.nextInt(6) == 0) {
          decoder.decodeBinary(new byte[r.nextInt(4)]);
        } else {
          decoder.decodeText(mutate(SEEDS.get(r.nextInt(SEEDS.size())), r));
        }
      } catch (ProtocolException expected) {
        assertThat(decoder.awaitingAttachments()).isFalse();
      }
    }
    decoder.reset();
    assertThat(decoder.decodeText("2[\"after\"]").eventName()).isEqualTo("after");
  }

  private static String mutate(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.insert(at, SPECIALS.charAt(r.nextInt(SPECIALS.length())));
        case 1 -> {
          if (sb.length() > 0) sb.deleteCharAt(at);
        }
        case 2 -> {
          if (sb.length() > 0) sb.setCharAt(at, SPECIALS.charAt(r.nextInt(SPECIALS.length())));
        }
        case 3 -> sb.setLength(at);
        case 4 -> sb.insert(at, "9".repeat(1 + r.nextInt(30)));
        default -> sb.insert(at, sb.substring(0, at));
      }
    }
    return sb.toString();
  }
}
