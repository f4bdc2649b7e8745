/**
 * The Redis adapter: {@link io.sio4j.adapter.redis.RedisAdapter} spreads broadcasts, room changes
 * and cluster requests over Redis pub/sub in the wire format of the npm package
 * &#64;socket.io/redis-adapter, so Java and Node Socket.IO servers can share one cluster.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder()
 *     .adapter(RedisAdapter.factory(pub, sub, RedisAdapterOptions.builder().key("app").build()))
 *     .build();
 * }</pre>
 *
 * <p>Logger: {@code io.sio4j.adapter.redis}.
 */
package io.sio4j.adapter.redis;
