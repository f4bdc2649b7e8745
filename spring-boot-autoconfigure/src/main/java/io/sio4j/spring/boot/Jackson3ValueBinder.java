package io.sio4j.spring.boot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ValueBinder;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Binds Socket.IO payloads with the application's Jackson 3 {@link JsonMapper} (the one Spring Boot
 * 4 configures from {@code spring.jackson.*} and the application's modules), so naming strategies,
 * date formats and custom serializers apply to Socket.IO exactly as to REST.
 *
 * <pre>{@code
 * SocketIoParser parser = SocketIoParser.builder().values(new Jackson3ValueBinder(jsonMapper)).build();
 * }</pre>
 *
 * <p>The wire stays Jackson 2 trees (the core's packet model); values cross between the two tree
 * models node by node, so binary values stay binary both ways (never base64 text). Thread-safe, as
 * the mapper is.
 */
public final class Jackson3ValueBinder implements ValueBinder {
  private static final JsonNodeFactory WIRE = JsonNodeFactory.instance;

  private final JsonMapper mapper;

  /**
   * A binder over a copy of the application's mapper (same modules and settings) that also writes
   * any {@link ByteBuffer}, direct ones too, as binary, as the core does.
   */
  public Jackson3ValueBinder(JsonMapper mapper) {
    SimpleModule binary = new SimpleModule("sio4j-binary");
    binary.addSerializer(ByteBuffer.class, new ByteBufferAsBinary());
    this.mapper = Objects.requireNonNull(mapper, "mapper").rebuild().addModule(binary).build();
  }

  /** Writes heap and direct buffers alike as binary, without moving their position. */
  private static final class ByteBufferAsBinary extends StdSerializer<ByteBuffer> {
    ByteBufferAsBinary() {
      super(ByteBuffer.class);
    }

    @Override
    public void serialize(ByteBuffer value, JsonGenerator g, SerializationContext context) {
      byte[] bytes = new byte[value.remaining()];
      value.duplicate().get(bytes);
      g.writeBinary(bytes);
    }
  }

  @Override
  public com.fasterxml.jackson.databind.JsonNode toTree(Object value) {
    JsonNode tree;
    try {
      tree = mapper.valueToTree(value);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
    }
    return toWire(tree);
  }

  @Override
  public Object fromTree(com.fasterxml.jackson.databind.JsonNode node, Type type)
      throws BindingException {
    JavaType javaType = mapper.constructType(type);
    try {
      return mapper.treeToValue(fromWire(node), javaType);
    } catch (JacksonException | IllegalArgumentException e) {
      String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      throw new BindingException(
          "cannot bind "
              + JsonBinding.describe(node)
              + " to "
              + javaType.toCanonical()
              + ": "
              + why,
          e);
    }
  }

  /** A Jackson 3 tree as the wire's Jackson 2 tree. */
  static com.fasterxml.jackson.databind.JsonNode toWire(JsonNode n) {
    if (n == null) return WIRE.nullNode();
    switch (n.getNodeType()) {
      case OBJECT -> {
        com.fasterxml.jackson.databind.node.ObjectNode o = WIRE.objectNode();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          o.set(e.getKey(), toWire(e.getValue()));
        }
        return o;
      }
      case ARRAY -> {
        com.fasterxml.jackson.databind.node.ArrayNode a = WIRE.arrayNode(n.size());
        for (JsonNode v : n.values()) a.add(toWire(v));
        return a;
      }
      case STRING -> {
        return WIRE.textNode(n.stringValue());
      }
      case BINARY -> {
        return WIRE.binaryNode(n.binaryValue());
      }
      case BOOLEAN -> {
        return WIRE.booleanNode(n.booleanValue());
      }
      case NUMBER -> {
        if (n.isInt() || n.isShort()) return WIRE.numberNode(n.intValue());
        if (n.isLong()) return WIRE.numberNode(n.longValue());
        if (n.isBigInteger()) return WIRE.numberNode(n.bigIntegerValue());
        if (n.isFloat()) return WIRE.numberNode(n.floatValue());
        if (n.isBigDecimal()) return WIRE.numberNode(n.decimalValue());
        return WIRE.numberNode(n.doubleValue());
      }
      case POJO -> {
        // valueToTree keeps binary values as embedded objects: make them the wire's binary nodes
        Object pojo = ((tools.jackson.databind.node.POJONode) n).getPojo();
        if (pojo instanceof byte[] bytes) return WIRE.binaryNode(bytes);
        return WIRE.pojoNode(pojo);
      }
      default -> {
        return WIRE.nullNode(); // NULL, MISSING
      }
    }
  }

  /** A wire tree as a Jackson 3 tree. */
  JsonNode fromWire(com.fasterxml.jackson.databind.JsonNode n) {
    var f = mapper.getNodeFactory();
    if (n == null) return f.nullNode();
    switch (n.getNodeType()) {
      case OBJECT -> {
        ObjectNode o = f.objectNode();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : n.properties()) {
          o.set(e.getKey(), fromWire(e.getValue()));
        }
        return o;
      }
      case ARRAY -> {
        ArrayNode a = f.arrayNode(n.size());
        for (com.fasterxml.jackson.databind.JsonNode v : n) a.add(fromWire(v));
        return a;
      }
      case STRING -> {
        return f.stringNode(n.textValue());
      }
      case BINARY -> {
        return f.binaryNode(((com.fasterxml.jackson.databind.node.BinaryNode) n).binaryValue());
      }
      case BOOLEAN -> {
        return f.booleanNode(n.booleanValue());
      }
      case NUMBER -> {
        if (n.isInt() || n.isShort()) return f.numberNode(n.intValue());
        if (n.isLong()) return f.numberNode(n.longValue());
        if (n.isBigInteger()) return f.numberNode(n.bigIntegerValue());
        if (n.isFloat()) return f.numberNode(n.floatValue());
        if (n.isBigDecimal()) return f.numberNode(n.decimalValue());
        return f.numberNode(n.doubleValue());
      }
      case POJO -> {
        return f.pojoNode(((com.fasterxml.jackson.databind.node.POJONode) n).getPojo());
      }
      default -> {
        return f.nullNode();
      }
    }
  }
}
