package io.sio4j.protocol.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Arguments received from the peer (an acknowledgement's, or an event's as seen by a server
 * middleware), bound to Java types on demand with the receiver's mapper. The same view on the
 * server and the client. Binary values are {@link com.fasterxml.jackson.databind.node.BinaryNode}s
 * and bind to {@code byte[]} or {@code ByteBuffer}.
 *
 * <pre>{@code
 * socket.emitWithAck("get-order", 42).thenApply(r -> r.get(0, Order.class));
 * List<Item> items = answer.get(1, new TypeReference<List<Item>>() {});
 * }</pre>
 *
 * <p>Immutable view; thread-safe as long as nobody changes the tree.
 */
public class Arguments {
  private final String socketId;
  private final ArrayNode args;
  private final JsonBinding binding;

  /**
   * A view (created by the server and the client).
   *
   * @param socketId the id of the socket connection the arguments came over (on the server the
   *     client's socket, on the client its own socket; the same id on both sides), may be null
   * @param args the arguments; not copied, must not be modified
   * @param binding the receiver's binding
   */
  public Arguments(String socketId, ArrayNode args, JsonBinding binding) {
    this.socketId = socketId;
    this.args = Objects.requireNonNull(args, "args");
    this.binding = Objects.requireNonNull(binding, "binding");
  }

  /** The id of the socket connection these arguments came over; null when unknown. */
  public String socketId() {
    return socketId;
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
    return get(i, (Type) type);
  }

  /**
   * Argument {@code i} bound to a generic type, e.g. {@code new TypeReference<List<Order>>() {}};
   * {@code null} when absent.
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public <T> T get(int i, TypeReference<T> type) {
    return get(i, type.getType());
  }

  /**
   * Argument {@code i} bound to a reflected type; {@code null} when absent.
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public <T> T get(int i, Type type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = args.get(i);
    if (node == null) return null;
    try {
      return binding.fromTree(node, type);
    } catch (BindingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return args.toString();
  }
}
