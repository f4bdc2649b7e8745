/**
 * sio4j-adapter-redis: the Redis cluster adapters, wire-compatible with @socket.io/redis-adapter
 * (classic and sharded) and @socket.io/redis-streams-adapter. Lettuce connections are part of its
 * API, hence {@code requires transitive lettuce.core} (an automatic module whose name Lettuce
 * declares in its manifest). Its msgpack messages go through the protocol's {@code MsgpackCodec}.
 */
@SuppressWarnings("requires-transitive-automatic") // Lettuce's name is stable: its manifest sets it
module io.sio4j.adapter.redis {
  requires transitive io.sio4j.server;
  requires transitive lettuce.core;
  requires io.netty.common;
  requires org.slf4j;

  exports io.sio4j.adapter.redis;
}
