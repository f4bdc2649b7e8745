package io.sio4j.examples.chat;

import static io.sio4j.examples.chat.RoomStoreContract.msg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class InMemoryRoomStoreTest extends RoomStoreContract {
  @Override
  protected RoomStore newStore(int historySize, int maxRooms) {
    return new InMemoryRoomStore(historySize, maxRooms);
  }

  @Test
  void anEmptyRoomKeepsItsHistoryUntilItsPlaceIsNeeded() {
    RoomStore rooms = new InMemoryRoomStore(5, 2);
    rooms.join("a", "ada").join();
    rooms.append(msg("a", "kept")).join();
    rooms.leave("a", "ada").join();
    assertThat(rooms.join("a", "bob").join().history()).hasSize(1);
    rooms.leave("a", "bob").join();
    rooms.join("b", "ada").join();
    rooms.join("c", "ada").join(); // evicts the empty room "a"
    rooms.leave("b", "ada").join();
    assertThat(rooms.join("a", "bob").join().history()).isEmpty(); // evicts "b"
    assertThat(rooms.rooms().join()).extracting(RoomSummary::name).containsExactly("a", "c");
  }

  @Test
  void aNewRoomIsRefusedWhenEveryRememberedRoomHasUsers() {
    RoomStore rooms = new InMemoryRoomStore(5, 2);
    rooms.join("a", "ada").join();
    rooms.join("b", "ada").join();
    assertThatThrownBy(() -> rooms.join("c", "ada").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ChatRejection.class);
    assertThat(rooms.join("a", "bob").join().users()).containsExactly("ada", "bob");
  }
}
