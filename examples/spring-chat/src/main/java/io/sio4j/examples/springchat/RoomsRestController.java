package io.sio4j.examples.springchat;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rooms}: the rooms with users, as JSON, through the same mapper as Socket.IO. */
@RestController
public class RoomsRestController {
  private final ChatRooms rooms;

  /** The endpoint over the chat's rooms. */
  public RoomsRestController(ChatRooms rooms) {
    this.rooms = rooms;
  }

  /** The rooms with users, by name. */
  @GetMapping("/api/rooms")
  public List<RoomSummary> rooms() {
    return rooms.rooms();
  }
}
