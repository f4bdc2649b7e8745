package io.sio4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatMemberTest {

  @Test
  void typingIsNewsOnlyOnceAndOnlyInJoinedRooms() {
    ChatMember m = new ChatMember();
    assertThat(m.startTyping("general")).isFalse();
    assertThat(m.join("general")).isTrue();
    assertThat(m.join("general")).isFalse();
    assertThat(m.startTyping("general")).isTrue();
    assertThat(m.startTyping("general")).isFalse();
    assertThat(m.stopTyping("general")).isTrue();
    assertThat(m.stopTyping("general")).isFalse();
  }

  @Test
  void leavingARoomStopsTypingThere() {
    ChatMember m = new ChatMember();
    m.join("a");
    m.join("b");
    m.startTyping("a");
    m.startTyping("b");
    assertThat(m.leave("a")).isTrue();
    assertThat(m.isIn("a")).isFalse();
    assertThat(m.rooms()).containsExactly("b");
    assertThat(m.stopTypingEverywhere()).containsExactly("b");
    assertThat(m.stopTypingEverywhere()).isEmpty();
  }
}
