/**
 * sio4j-jakarta: the Jakarta host. It carries the engine's sessions over a Servlet 6 container
 * (async, non-blocking I/O for HTTP long-polling) and Jakarta WebSocket 2.1 (WebSocket and the
 * upgrade), so that Socket.IO shares the application's own port. The container brings the Servlet
 * and WebSocket APIs.
 */
module io.sio4j.jakarta {
  requires transitive io.sio4j.server;
  requires transitive jakarta.servlet;
  requires jakarta.websocket;
  requires io.netty.transport;
  requires io.netty.common;
  requires org.slf4j;

  exports io.sio4j.jakarta;
}
