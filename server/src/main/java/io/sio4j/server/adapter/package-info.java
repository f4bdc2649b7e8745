/**
 * The adapter SPI: what a namespace asks of its room registry and broadcaster, for those who write
 * an adapter (a cluster store, a test double). Users of the server pick an adapter through {@code
 * SocketIoServer.builder().adapter(...)} and need nothing else from here.
 *
 * <p>{@link io.sio4j.server.adapter.Adapter} mirrors the official socket.io-adapter's method set;
 * {@link io.sio4j.server.InMemoryAdapter} is the single-node implementation that cluster adapters
 * extend.
 */
package io.sio4j.server.adapter;
