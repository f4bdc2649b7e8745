package io.sio4j.adapter.redis;

/**
 * The {@code type} numbers of requests and responses between nodes, as numbered by
 * {@code @socket.io/redis-adapter} 8.x (its {@code RequestType} enum). Constants only.
 */
final class RequestType {
  static final int SOCKETS = 0;
  static final int ALL_ROOMS = 1;
  static final int REMOTE_JOIN = 2;
  static final int REMOTE_LEAVE = 3;
  static final int REMOTE_DISCONNECT = 4;
  static final int REMOTE_FETCH = 5;
  static final int SERVER_SIDE_EMIT = 6;
  static final int BROADCAST = 7;
  static final int BROADCAST_CLIENT_COUNT = 8;
  static final int BROADCAST_ACK = 9;

  private RequestType() {}
}
