package io.sio4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoomStore} must do, whatever holds the rooms (memory, Redis): extend it and
 * give {@link #newStore(int, int)}.
 */
abstract class RoomStoreContract {

  /** A fresh, empty store keeping {@code historySize} messages per room, {@code maxRooms} rooms. */
  protected abstract RoomStore newStore(int historySize, int maxRooms);

  static ChatMessage msg(String room, String text) {
    return new ChatMessage(text, "ada", room, 1L);
  }

  @Test
  void joiningShowsWhoIsThereAndTheLastMessages() {
    RoomStore rooms = newStore(3, 10);
    rooms.join("general", "bob").join();
    for (int i = 1; i <= 5; i++) rooms.append(msg("general", "m" + i)).join();
    RoomSnapshot snapshot = rooms.join("general", "ada").join();
    assertThat(snapshot.room()).isEqualTo("general");
    assertThat(snapshot.users()).containsExactly("ada", "bob");
    assertThat(snapshot.history())
        .extracting(ChatMessage::message)
        .containsExactly("m3", "m4", "m5");
  }

  @Test
  void presenceIsByNameAndLeavingRemovesIt() {
    RoomStore rooms = newStore(3, 10);
    rooms.join("general", "ada").join();
    rooms.join("general", "ada").join();
    rooms.join("general", "Bob").join();
    assertThat(rooms.members("general").join()).containsExactly("ada", "Bob");
    assertThat(rooms.leave("general", "ada").join()).containsExactly("Bob");
    assertThat(rooms.leave("nowhere", "ada").join()).isEmpty();
    assertThat(rooms.members("nowhere").join()).isEmpty();
  }

  @Test
  void roomsListsOnlyRoomsWithUsers() {
    RoomStore rooms = newStore(3, 10);
    rooms.join("zeta", "ada").join();
    rooms.join("alpha", "ada").join();
    rooms.join("alpha", "bob").join();
    rooms.join("empty", "bob").join();
    rooms.leave("empty", "bob").join();
    assertThat(rooms.rooms().join())
        .containsExactly(new RoomSummary("alpha", 2), new RoomSummary("zeta", 1));
  }

  @Test
  void messagesToUnknownRoomsAreDropped() {
    RoomStore rooms = newStore(5, 2);
    rooms.append(msg("ghost", "boo")).join();
    assertThat(rooms.rooms().join()).isEmpty();
    assertThat(rooms.join("ghost", "ada").join().history()).isEmpty();
  }

  @Test
  void anEmptyRoomKeepsItsHistoryUntilItsPlaceIsNeeded() {
    RoomStore rooms = newStore(5, 2);
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
    RoomStore rooms = newStore(5, 2);
    rooms.join("a", "ada").join();
    rooms.join("b", "ada").join();
    assertThatThrownBy(() -> rooms.join("c", "ada").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ChatRejection.class);
    assertThat(rooms.join("a", "bob").join().users()).containsExactly("ada", "bob");
  }
}
