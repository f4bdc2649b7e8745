package io.sio4j.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;

/**
 * Turns application values into the wire's JSON trees and back, when something other than the wire
 * mapper should do it: the seam through which an application's own JSON configuration (another
 * Jackson major version, its modules, naming strategy and date formats) applies to Socket.IO
 * payloads. The trees are Jackson 2 trees, the model packets are made of; binary values are {@link
 * com.fasterxml.jackson.databind.node.BinaryNode}s both ways.
 *
 * <pre>{@code
 * SocketIoParser parser = SocketIoParser.builder().values(new MyBinder(appMapper)).build();
 * SocketIoServer io = SocketIoServer.builder().parser(parser).build();
 * }</pre>
 *
 * <p>{@code null}, trees, {@code byte[]} and {@code ByteBuffer} never reach {@link #toTree};
 * binding to {@code Object} or a tree type never reaches {@link #fromTree} (the wire mapper does
 * those, so natural values look the same whatever binds). Implementations must be thread-safe.
 */
public interface ValueBinder {

  /**
   * The tree of an application value.
   *
   * @throws IllegalArgumentException when the value cannot be written
   */
  JsonNode toTree(Object value);

  /**
   * Binds a tree to a Java type ({@code Class} or a generic {@code Type}).
   *
   * @throws BindingException when the tree does not fit the type
   */
  Object fromTree(JsonNode node, Type type) throws BindingException;
}
