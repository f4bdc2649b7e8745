/**
 * A Redis emitter: {@link io.sio4j.emitter.redis.RedisEmitter} publishes broadcasts and cluster
 * requests on the channels of the classic Redis adapter, as {@code @socket.io/redis-emitter} 5.x
 * does, so that workers and jobs reach the clients of every server node.
 */
package io.sio4j.emitter.redis;
