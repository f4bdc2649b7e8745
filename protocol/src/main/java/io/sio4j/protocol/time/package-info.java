/**
 * Time as a dependency: {@link io.sio4j.protocol.time.Scheduler} and its cancellable handles, the
 * one interface every sio4j timer goes through on the server and on the client. Only interfaces:
 * the implementations (Netty event loops, the client's Manager thread, the testkit's virtual clock)
 * live with the code that owns the threads.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().scheduler(clock).build();
 * }</pre>
 */
package io.sio4j.protocol.time;
