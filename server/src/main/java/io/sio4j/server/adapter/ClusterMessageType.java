package io.sio4j.server.adapter;

/**
 * The {@code type} numbers of the messages between nodes of a {@link ClusterAdapter}, as numbered
 * by socket.io-adapter 2.5's {@code MessageType} enum (used by the official sharded Redis, Redis
 * Streams and Postgres adapters). Constants only.
 *
 * <pre>{@code
 * if (message.path("type").asInt() == ClusterMessageType.BROADCAST) { ... }
 * }</pre>
 */
public final class ClusterMessageType {
  /** A node starts: everyone answers with a heartbeat. */
  public static final int INITIAL_HEARTBEAT = 1;

  /** A node is alive. */
  public static final int HEARTBEAT = 2;

  /** A broadcast, with a request id when it wants acks. */
  public static final int BROADCAST = 3;

  /** {@code socketsJoin}. */
  public static final int SOCKETS_JOIN = 4;

  /** {@code socketsLeave}. */
  public static final int SOCKETS_LEAVE = 5;

  /** {@code disconnectSockets}. */
  public static final int DISCONNECT_SOCKETS = 6;

  /** {@code fetchSockets}. */
  public static final int FETCH_SOCKETS = 7;

  /** A node's sockets for a {@code fetchSockets}. */
  public static final int FETCH_SOCKETS_RESPONSE = 8;

  /** {@code serverSideEmit}, with a request id when it wants an answer. */
  public static final int SERVER_SIDE_EMIT = 9;

  /** A node's answer to a {@code serverSideEmitWithAck}. */
  public static final int SERVER_SIDE_EMIT_RESPONSE = 10;

  /** How many clients a node sent a broadcast with acks to. */
  public static final int BROADCAST_CLIENT_COUNT = 11;

  /** One client's answer to a broadcast with acks. */
  public static final int BROADCAST_ACK = 12;

  /** A node's adapter closes. */
  public static final int ADAPTER_CLOSE = 13;

  private ClusterMessageType() {}
}
