package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * A recovered session: the persisted state plus the EVENT payloads the client missed, each ending
 * with its offset. Returned by {@link Adapter#restoreSession(String, String)}.
 *
 * <pre>{@code
 * adapter.restoreSession(pid, offset).thenAccept(s -> { if (s != null) replay(s.missedPackets()); });
 * }</pre>
 *
 * <p>Immutable; thread-safe (the trees must not be modified).
 *
 * @param session the persisted state
 * @param missedPackets the missed {@code [event, ...args, offset]} arrays, oldest first
 */
public record RestoredSession(SessionToPersist session, List<ArrayNode> missedPackets) {

  /** Copies the list. */
  public RestoredSession {
    missedPackets = List.copyOf(missedPackets);
  }
}
