package io.sio4j.server.adapter;

import io.sio4j.server.ConnectionStateRecovery;
import io.sio4j.server.Socket;
import java.util.Map;
import java.util.Set;

/**
 * The state of a disconnected socket kept for connection state recovery (see {@link
 * ConnectionStateRecovery}).
 *
 * <pre>{@code
 * adapter.persistSession(new SessionToPersist(socket.id(), pid, socket.rooms(), socket.data()));
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param sid the socket id
 * @param pid the private session id the client presents to recover
 * @param rooms the rooms the socket was in
 * @param data a copy of {@link Socket#data()}
 */
public record SessionToPersist(
    String sid, String pid, Set<String> rooms, Map<String, Object> data) {

  /** Copies the collections. */
  public SessionToPersist {
    rooms = Set.copyOf(rooms);
    data = Map.copyOf(data);
  }
}
