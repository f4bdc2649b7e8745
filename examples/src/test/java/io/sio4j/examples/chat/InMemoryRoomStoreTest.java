package io.sio4j.examples.chat;

class InMemoryRoomStoreTest extends RoomStoreContract {
  @Override
  protected RoomStore newStore(int historySize, int maxRooms) {
    return new InMemoryRoomStore(historySize, maxRooms);
  }
}
