/**
 * sio4j-engine: the Engine.IO server, its host-independent core and its Netty host. Its API ({@code
 * io.sio4j.engine}) holds no Netty type, so Netty is required but not re-exported; the Netty
 * pipeline, sessions and transports live in {@code io.sio4j.engine.internal}, which no other module
 * needs and which is not exported.
 *
 * <p>Native epoll is used when Netty finds it; on the module path that means adding {@code
 * --add-modules io.netty.transport.epoll.linux.x86_64}, otherwise NIO is used.
 */
module io.sio4j.engine {
  requires transitive io.sio4j.protocol;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.codec.compression;
  requires io.netty.codec.http;
  requires io.netty.common;
  requires io.netty.handler;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  // optional: -Dsio4j.transport=io_uring with netty-transport-classes-io_uring on the path
  requires static io.netty.transport.classes.io_uring;
  requires org.slf4j;

  exports io.sio4j.engine;
  // pooled random ids (RandomIds), shared with the server's socket ids; not for applications
  exports io.sio4j.engine.ids to
      io.sio4j.server;
  // the host seam (EngineCore, EngineRoutes, EngineSession, Transport, PollExchange): for the
  // Jakarta host only, not for applications
  exports io.sio4j.engine.internal to
      io.sio4j.jakarta;
}
