package io.sio4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IOTest {

  @ParameterizedTest
  @CsvSource({
    "http://example.com, http://example.com:80",
    "https://Example.com/chat, https://example.com:443",
    "ws://example.com:3000/x?y=1, http://example.com:3000",
    "wss://127.0.0.1, https://127.0.0.1:443"
  })
  void managersAreSharedPerSchemeHostAndPort(String url, String key) {
    assertThat(IO.managerKey(IO.parse(url))).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "example.com", "ftp://example.com", "http://", "http://exa mple.com", "://x"})
  void malformedUrlsAreRefused(String url) {
    assertThatThrownBy(() -> IO.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {8193, 1_000_000})
  void overlongUrlsAreRefusedBeforeParsing(int length) {
    String url = "http://example.com/" + "a".repeat(length);
    assertThatThrownBy(() -> IO.parse(url)).hasMessageContaining("longer than");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/chat?x=1"})
  void namespaceIsThePath(String url) {
    URI uri = IO.parse(url);
    assertThat(uri.getPath()).isEqualTo("/chat");
  }
}
