/**
 * The adapter SPI: what a namespace asks of its room registry and broadcaster, for those who write
 * an adapter (a cluster store, a test double). Users of the server pick an adapter through {@code
 * SocketIoServer.builder().adapter(...)} and need nothing else from here.
 *
 * <p>{@link io.sio4j.server.adapter.Adapter} mirrors the official socket.io-adapter's method set;
 * {@link io.sio4j.server.InMemoryAdapter} is the single-node implementation that cluster adapters
 * extend.
 *
 * <p>The cluster template: {@link io.sio4j.server.adapter.ClusterAdapter} (and {@link
 * io.sio4j.server.adapter.ClusterAdapterWithHeartbeat} for stores that cannot count subscribers)
 * follows socket.io-adapter's {@code ClusterAdapter}; a store's adapter implements only publish,
 * subscribe and its encoding. {@link io.sio4j.server.adapter.ClusterRequests} (request ids, pending
 * requests with timeouts, answer gathering), {@link io.sio4j.server.adapter.RemoteSocketViews}
 * (remote socket views) and {@link io.sio4j.server.adapter.ClusterWire} (options, packets, bytes)
 * are shared with adapters whose wire format is older, such as the classic Redis adapter.
 */
package io.sio4j.server.adapter;
