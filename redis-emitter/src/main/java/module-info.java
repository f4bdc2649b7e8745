/**
 * sio4j-redis-emitter: emit to the clients of a Socket.IO cluster (sio4j or Node servers with the
 * classic Redis adapter) from any JVM process, wire-compatible with
 * {@code @socket.io/redis-emitter} 5.x. Depends on the protocol's msgpack codec and Lettuce only,
 * never on the server. Lettuce connections are part of its API, hence {@code requires transitive
 * lettuce.core}.
 */
@SuppressWarnings("requires-transitive-automatic") // Lettuce's name is stable: its manifest sets it
module io.sio4j.emitter.redis {
  requires transitive io.sio4j.protocol;
  requires transitive lettuce.core;

  exports io.sio4j.emitter.redis;
}
