/**
 * The Redis adapter: {@link io.sio4j.adapter.redis.RedisAdapter} spreads broadcasts, room changes
 * and cluster requests over Redis pub/sub in the wire format of the npm package
 * &#64;socket.io/redis-adapter, so Java and Node Socket.IO servers can share one cluster. {@link
 * io.sio4j.adapter.redis.ShardedRedisAdapter} does the same over sharded pub/sub, and {@link
 * io.sio4j.adapter.redis.RedisStreamsAdapter} over a Redis stream
 * (&#64;socket.io/redis-streams-adapter), with sessions kept in Redis so that connection state
 * recovery works across nodes.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder()
 *     .adapter(RedisAdapter.factory(pub, sub, RedisAdapterOptions.builder().key("app").build()))
 *     .build();
 * }</pre>
 *
 * <p>Logger: {@code io.sio4j.adapter.redis} (and {@code io.sio4j.adapter.redis.RedisHealth} for the
 * one line an outage and a recovery each log).
 */
package io.sio4j.adapter.redis;
