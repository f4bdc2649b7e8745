package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.RestoredSession;
import io.sio4j.server.adapter.SessionToPersist;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The recovery store: offsets, missed packets filtered by rooms, expiry on a virtual clock. */
class SessionStoreTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final SessionStore store = new SessionStore(60_000, now::get);

  private String store(Set<String> rooms, Set<String> except, String event) {
    String offset = store.nextOffset();
    ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event).add(offset);
    store.storePacket(offset, new BroadcastOptions(rooms, except, null), data);
    return offset;
  }

  @Test
  void restoresMissedPacketsForTheSessionsRoomsOnly() {
    String last = store(Set.of(), Set.of(), "seen");
    store.persist(new SessionToPersist("sid", "pid", Set.of("sid", "red"), Map.of("k", "v")));
    store(Set.of("red"), Set.of(), "red-news");
    store(Set.of("blue"), Set.of(), "blue-news");
    store(Set.of(), Set.of("red"), "not-for-red");
    store(Set.of(), Set.of(), "everyone");

    RestoredSession r = store.restore("pid", last);
    assertThat(r).isNotNull();
    assertThat(r.session().sid()).isEqualTo("sid");
    assertThat(r.session().data()).containsEntry("k", "v");
    assertThat(r.missedPackets())
        .extracting(p -> p.get(0).asText())
        .containsExactly("red-news", "everyone");
    assertThat(store.restore("pid", last)).as("a session is restored once").isNull();
  }

  @Test
  void unknownOffsetPidOrExpiredSessionIsNotRestored() {
    String last = store(Set.of(), Set.of(), "seen");
    store.persist(new SessionToPersist("sid", "pid", Set.of("sid"), Map.of()));
    assertThat(store.restore("pid", "no-such-offset")).isNull();
    store.persist(new SessionToPersist("sid", "pid", Set.of("sid"), Map.of()));
    assertThat(store.restore("other", last)).isNull();
    now.addAndGet(60_001);
    assertThat(store.restore("pid", last)).isNull();
  }

  @Test
  void offsetsAreUnique() {
    assertThat(store.nextOffset()).isNotEqualTo(store.nextOffset());
  }
}
