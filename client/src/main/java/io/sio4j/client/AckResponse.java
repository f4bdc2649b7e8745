package io.sio4j.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.JsonBinding;
import java.lang.reflect.Type;

/**
 * The arguments the server passed to its acknowledgement, bound on demand to Java types. Binary
 * values bind to {@code byte[]}.
 *
 * <pre>{@code
 * socket.emitWithAck("order", order).thenAccept(ack -> {
 *   Receipt r = ack.get(0, Receipt.class);
 * });
 * }</pre>
 *
 * <p>Immutable view; thread-safe.
 */
public final class AckResponse {
  private final ArrayNode args;
  private final JsonBinding binding;

  AckResponse(ArrayNode args, JsonBinding binding) {
    this.args = args;
    this.binding = binding;
  }

  /** The number of arguments. */
  public int size() {
    return args.size();
  }

  /** The arguments as a Jackson tree; do not modify. */
  public ArrayNode json() {
    return args;
  }

  /** Argument {@code i} as a tree ({@code MissingNode} when absent). */
  public JsonNode get(int i) {
    return args.path(i);
  }

  /**
   * Argument {@code i} bound to a type; null when absent.
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public <T> T get(int i, Class<T> type) {
    return get(i, (Type) type);
  }

  /** Argument {@code i} bound to a generic type; null when absent. */
  public <T> T get(int i, TypeReference<T> type) {
    return get(i, type.getType());
  }

  /** Argument {@code i} bound to a reflected type; null when absent. */
  public <T> T get(int i, Type type) {
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
