package io.sio4j.protocol.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.StringSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The Jackson configuration shared by the codec, the server and the client, so a value sent from
 * Java arrives as the same value in Java.
 *
 * <pre>{@code
 * JsonBinding binding = JsonBinding.create();
 * JsonNode tree = binding.toTree(new Order("42", new byte[] {1, 2}));  // bytes become a BinaryNode
 * Order back = binding.fromTree(tree, Order.class);
 * List<Order> orders = binding.fromTree(array, new TypeReference<List<Order>>() {}.getType());
 * }</pre>
 *
 * <p>The default mapper ignores unknown properties (JavaScript peers often send more than a Java
 * type declares), writes empty beans as {@code {}}, and writes any {@link ByteBuffer} (heap or
 * direct, from position to limit) as binary. There is no shared default: each {@link #create()}
 * makes its own mapper, so each server and each client binds with the mapper of its own parser.
 *
 * <p>The mapper always writes and reads the wire (packets are Jackson 2 trees). Application values
 * may be bound by another JSON library through a {@link ValueBinder} ({@link #of(ObjectMapper,
 * ValueBinder)}): the Spring Boot starter binds them with the application's Jackson 3 mapper.
 * Thread-safe; don't reconfigure the mapper after use.
 */
public final class JsonBinding {
  private final ObjectMapper mapper;
  private final ValueBinder values; // null: the mapper binds values too
  private int plainStrings; // 0 unknown, 1 the mapper writes Strings plainly, -1 it does not

  private JsonBinding(ObjectMapper mapper, ValueBinder values) {
    this.mapper = mapper;
    this.values = values;
  }

  /** A new binding over a new default mapper (see {@link #newDefaultMapper()}). */
  public static JsonBinding create() {
    return new JsonBinding(newDefaultMapper(), null);
  }

  /** A binding over a mapper the application configured (modules, naming, ...). */
  public static JsonBinding of(ObjectMapper mapper) {
    return new JsonBinding(Objects.requireNonNull(mapper, "mapper"), null);
  }

  /**
   * A binding whose wire mapper reads and writes packets while {@code values} turns application
   * values into trees and back (for example the application's Jackson 3 mapper).
   */
  public static JsonBinding of(ObjectMapper wireMapper, ValueBinder values) {
    return new JsonBinding(
        Objects.requireNonNull(wireMapper, "wireMapper"), Objects.requireNonNull(values, "values"));
  }

  /** A new mapper configured like the default one, for applications that add modules to it. */
  public static ObjectMapper newDefaultMapper() {
    SimpleModule binary = new SimpleModule("sio4j-binary");
    binary.addSerializer(ByteBuffer.class, new ByteBufferAsBinary());
    return new ObjectMapper()
        .registerModule(binary)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /** The mapper; configure it before handing it to a parser, not after. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The binder of application values, when it is not the mapper itself. */
  public Optional<ValueBinder> values() {
    return Optional.ofNullable(values);
  }

  /**
   * Writes one application value to a packet being generated: directly with the mapper, or through
   * the {@link ValueBinder}'s tree when there is one.
   */
  public void writeValue(JsonGenerator g, Object value) throws IOException {
    if (values != null) mapper.writeTree(g, toTree(value));
    else if (value instanceof String text && writesPlainStrings()) g.writeString(text);
    else mapper.writeValue(g, value);
  }

  /**
   * Whether the mapper writes a String as Jackson's own serializer does, {@code g.writeString}:
   * then a String is written directly, without a serializer provider per value. Decided on first
   * use (the mapper is configured before use); a racy but idempotent cache.
   */
  private boolean writesPlainStrings() {
    int known = plainStrings;
    if (known == 0) {
      known = plainStringsOf(mapper) ? 1 : -1;
      plainStrings = known;
    }
    return known > 0;
  }

  private static boolean plainStringsOf(ObjectMapper mapper) {
    var config = mapper.getSerializationConfig();
    if (config.isEnabled(SerializationFeature.INDENT_OUTPUT)
        || config.isEnabled(SerializationFeature.WRAP_ROOT_VALUE)) {
      return false;
    }
    try {
      return mapper.getSerializerProviderInstance().findValueSerializer(String.class).getClass()
          == StringSerializer.class;
    } catch (JsonMappingException e) {
      return false;
    }
  }

  /**
   * A Jackson tree of {@code value}; {@code byte[]} and {@code ByteBuffer} anywhere inside become
   * {@link BinaryNode}s, null becomes {@link NullNode}.
   *
   * @throws IllegalArgumentException when the value cannot be serialised
   */
  public JsonNode toTree(Object value) {
    if (value == null) return NullNode.getInstance();
    if (value instanceof JsonNode node) return node;
    if (value instanceof byte[] bytes) return BinaryNode.valueOf(bytes);
    if (value instanceof ByteBuffer buffer) return BinaryNode.valueOf(copy(buffer));
    if (values != null) return values.toTree(value);
    return mapper.valueToTree(value);
  }

  /**
   * Binds a tree to a Java type ({@code Class}, or a generic {@code Type} such as {@code
   * List<Order>}). {@code Object} gives natural values: String, Number, Boolean, Map, List, byte[].
   *
   * @throws BindingException when the tree does not fit the type
   */
  @SuppressWarnings("unchecked")
  public <T> T fromTree(JsonNode node, Type type) throws BindingException {
    if (values != null && !wireType(type)) return (T) values.fromTree(node, type);
    Object direct = direct(node, type);
    if (direct != null) {
      @SuppressWarnings("unchecked")
      T value = (T) direct;
      return value;
    }
    JavaType javaType = mapper.constructType(type);
    try {
      return mapper.treeToValue(node == null ? NullNode.getInstance() : node, javaType);
    } catch (IOException | IllegalArgumentException e) {
      throw new BindingException(
          "cannot bind " + describe(node) + " to " + javaType.toCanonical() + ": " + e.getMessage(),
          e);
    }
  }

  /** The natural Java value of a tree: String, Number, Boolean, Map, List, byte[] or null. */
  public Object toNatural(JsonNode node) {
    try {
      return fromTree(node, Object.class);
    } catch (BindingException e) {
      throw new IllegalStateException("a JSON tree always binds to Object", e);
    }
  }

  /** Trees and natural values stay with the wire mapper, whatever binds application values. */
  private static boolean wireType(Type type) {
    return type == Object.class
        || (type instanceof Class<?> c && JsonNode.class.isAssignableFrom(c));
  }

  /**
   * The value of a tree that already is what {@code type} asks for (a JSON string for a String, a
   * JSON int for an int, ...), without Jackson's binding machinery (a parser over the tree and a
   * context per call); null when Jackson must decide (coercions, beans, generics, null).
   */
  private static Object direct(JsonNode node, Type type) {
    if (node == null || !(type instanceof Class<?> c)) return null;
    if (c == String.class) return node.isTextual() ? node.textValue() : null;
    if (c == Integer.class || c == int.class) return node.isInt() ? node.intValue() : null;
    if (c == Long.class || c == long.class) {
      return node.isInt() || node.isLong() ? node.longValue() : null;
    }
    if (c == Boolean.class || c == boolean.class)
      return node.isBoolean() ? node.booleanValue() : null;
    if (c == Double.class || c == double.class) return node.isDouble() ? node.doubleValue() : null;
    if (JsonNode.class.isAssignableFrom(c) && c.isInstance(node) && !node.isNull()) return node;
    return null;
  }

  /** A short description of a tree for a binding error: its JSON type, never its content. */
  public static String describe(JsonNode node) {
    return node == null ? "a missing value" : "a JSON " + node.getNodeType().name().toLowerCase();
  }

  static byte[] copy(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** Writes heap and direct buffers alike as binary, without moving their position. */
  private static final class ByteBufferAsBinary extends StdSerializer<ByteBuffer> {
    private static final long serialVersionUID = 1L;

    ByteBufferAsBinary() {
      super(ByteBuffer.class);
    }

    @Override
    public void serialize(ByteBuffer value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      if (value.hasArray()) {
        g.writeBinary(value.array(), value.arrayOffset() + value.position(), value.remaining());
      } else {
        g.writeBinary(copy(value));
      }
    }
  }
}
