package io.sio4j.server.adapter;

import io.sio4j.server.Namespace;

/**
 * Creates the {@link Adapter} of each namespace; set with {@code
 * SocketIoServer.builder().adapter(...)}.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().adapter(InMemoryAdapter::new).build();
 * }</pre>
 *
 * <p>Called once per namespace, from the thread that creates the namespace.
 */
@FunctionalInterface
public interface AdapterFactory {

  /** The adapter for a new namespace. */
  Adapter create(Namespace namespace);
}
