package io.sio4j.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Arguments received from a client as a Jackson array, bound to Java types on demand. Binary
 * attachments are {@link com.fasterxml.jackson.databind.node.BinaryNode}s and bind to {@code
 * byte[]} or {@code ByteBuffer}.
 *
 * <pre>{@code
 * AckResponse answer = socket.emitWithAck("get-order", 42).join();
 * Order order = answer.get(0, Order.class);
 * List<Item> items = answer.get(1, new TypeReference<List<Item>>() {});
 * }</pre>
 *
 * <p>Immutable view; thread-safe as long as nobody changes the tree.
 */
public class JsonArgs {
  private final ArrayNode args;
  private final ObjectMapper mapper;

  JsonArgs(ArrayNode args, ObjectMapper mapper) {
    this.args = Objects.requireNonNull(args, "args");
    this.mapper = mapper;
  }

  /** The number of arguments. */
  public int size() {
    return args.size();
  }

  /** The arguments as a Jackson tree; must not be modified. */
  public ArrayNode json() {
    return args;
  }

  /** Argument {@code i} as a tree ({@code MissingNode} when absent). */
  public JsonNode get(int i) {
    return args.path(i);
  }

  /**
   * Argument {@code i} bound to a type; {@code null} when absent.
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public <T> T get(int i, Class<T> type) {
    return bind(args.get(i), mapper.constructType(type));
  }

  /** Argument {@code i} bound to a generic type; {@code null} when absent. */
  public <T> T get(int i, TypeReference<T> type) {
    return bind(args.get(i), mapper.constructType(type));
  }

  /** Argument {@code i} bound to a reflected type; {@code null} when absent. */
  public <T> T get(int i, Type type) {
    return bind(args.get(i), mapper.constructType(type));
  }

  private <T> T bind(JsonNode node, com.fasterxml.jackson.databind.JavaType type) {
    if (node == null) return null;
    try {
      return mapper.treeToValue(node, type);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot bind " + node.getNodeType() + " to " + type, e);
    }
  }

  @Override
  public String toString() {
    return args.toString();
  }
}
