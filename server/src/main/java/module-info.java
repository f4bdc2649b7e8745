/**
 * sio4j-server: the Socket.IO server. {@code io.sio4j.server} is the user API, {@code
 * io.sio4j.server.http} the HTTP helpers (browser client, static files, routes) and {@code
 * io.sio4j.server.adapter} the adapter SPI that cluster adapters such as sio4j-adapter-redis
 * implement. The engine's options are part of the builder's API, hence {@code requires transitive}.
 */
module io.sio4j.server {
  requires transitive io.sio4j.engine;
  requires org.slf4j;

  exports io.sio4j.server;
  exports io.sio4j.server.adapter;
  exports io.sio4j.server.http;
}
