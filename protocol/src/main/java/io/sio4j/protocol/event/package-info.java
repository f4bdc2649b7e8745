/**
 * The event-listener types and the Jackson binding shared by the sio4j server and client.
 *
 * <pre>{@code
 * JsonBinding binding = JsonBinding.defaults();
 * Order order = binding.fromTree(tree, Order.class);
 * }</pre>
 */
package io.sio4j.protocol.event;
