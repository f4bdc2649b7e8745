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

  @Test
  void theRateLimitAllowsAWindowfulThenRecovers() {
    ChatMember m = new ChatMember();
    long t = 1_000_000;
    for (int i = 0; i < ChatMember.REQUESTS_PER_WINDOW; i++) {
      assertThat(m.allowRequest(t + i)).isTrue();
    }
    assertThat(m.allowRequest(t + 100)).isFalse();
    assertThat(m.allowRequest(t + ChatMember.WINDOW_MILLIS - 1)).isFalse();
    // the first request leaves the window: one more is allowed, and refused ones never counted
    assertThat(m.allowRequest(t + ChatMember.WINDOW_MILLIS)).isTrue();
    assertThat(m.allowRequest(t + ChatMember.WINDOW_MILLIS)).isFalse();
    assertThat(m.allowRequest(t + 2 * ChatMember.WINDOW_MILLIS + 100)).isTrue();
  }
}
