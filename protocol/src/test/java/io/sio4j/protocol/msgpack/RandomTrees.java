package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Random;

/** Seeded random trees in the canonical node types the codec reads back. */
final class RandomTrees {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RandomTrees() {}

  static JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth > 3 ? 9 : 11)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(r.nextBoolean());
      case 2:
        return F.numberNode(r.nextInt(1 << (1 + r.nextInt(30))) * (r.nextBoolean() ? 1 : -1));
      case 3:
        long l = r.nextLong() >> r.nextInt(64);
        return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
      case 4:
        // uint 64 above Long.MAX_VALUE
        return F.numberNode(new BigInteger(63, r).setBit(63));
      case 5:
        return F.numberNode(r.nextBoolean() ? r.nextGaussian() * 1e6 : r.nextDouble());
      case 6:
        return F.textNode(text(r));
      case 7:
        byte[] b = new byte[r.nextInt(r.nextBoolean() ? 16 : 70_000)];
        r.nextBytes(b);
        return F.binaryNode(b);
      case 8:
        return F.textNode("");
      case 9:
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(r.nextInt(10) == 0 ? 40 : 5); i > 0; i--) {
          a.add(value(r, depth + 1));
        }
        return a;
      default:
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(r.nextInt(10) == 0 ? 40 : 5); i > 0; i--) {
          o.set(text(r), value(r, depth + 1));
        }
        return o;
    }
  }

  private static String text(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(r.nextInt(20) == 0 ? 300 : 12); i > 0; i--) {
      switch (r.nextInt(4)) {
        case 0 -> s.append((char) ('a' + r.nextInt(26)));
        case 1 -> s.append((char) (0x80 + r.nextInt(0x700)));
        case 2 -> s.append((char) (0x800 + r.nextInt(0xd000)));
        default -> s.appendCodePoint(0x10000 + r.nextInt(0x10000));
      }
    }
    return s.toString();
  }
}
