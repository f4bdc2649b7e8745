package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.client.ClientOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineUrisTest {

  @Test
  void pollingUrisCarryQueryProtocolSidAndTimestamp() {
    ClientOptions o = ClientOptions.builder().query("token", "a b&c").build();
    EngineUris uris = EngineUris.of(URI.create("https://example.com/chat?room=x"), o);
    URI u = uris.build("polling", "abc");
    assertThat(u.getScheme()).isEqualTo("https");
    assertThat(u.getPort()).isEqualTo(443);
    assertThat(u.getPath()).isEqualTo("/socket.io/");
    assertThat(u.getRawQuery())
        .startsWith("room=x&token=a+b%26c&EIO=4&transport=polling&sid=abc&t=");
    assertThat(uris.build("polling", "abc")).isNotEqualTo(u); // a fresh timestamp each time
  }

  @Test
  void webSocketUrisUseWsSchemesAndNoTimestampByDefault() {
    EngineUris uris = EngineUris.of(URI.create("http://127.0.0.1:3000"), ClientOptions.DEFAULTS);
    assertThat(uris.build("websocket", null).toString())
        .isEqualTo("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket");
    EngineUris secure = EngineUris.of(URI.create("wss://h"), ClientOptions.DEFAULTS);
    assertThat(secure.build("websocket", "s").toString())
        .isEqualTo("wss://h:443/socket.io/?EIO=4&transport=websocket&sid=s");
  }

  @Test
  void timestampsFollowTheOption() {
    ClientOptions off = ClientOptions.builder().timestampRequests(false).build();
    assertThat(EngineUris.of(URI.create("http://h"), off).build("polling", null).getRawQuery())
        .isEqualTo("EIO=4&transport=polling");
    ClientOptions on = ClientOptions.builder().timestampRequests(true).timestampParam("ts").build();
    assertThat(EngineUris.of(URI.create("http://h"), on).build("websocket", null).getRawQuery())
        .contains("&ts=");
  }

  @Test
  void unsupportedSchemesAreRefused() {
    assertThatThrownBy(() -> EngineUris.of(URI.create("ftp://h"), ClientOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePathGetsOneTrailingSlashUnlessTurnedOff() {
    URI server = URI.create("http://h:1");
    ClientOptions custom = ClientOptions.builder().path("/custom").build();
    assertThat(EngineUris.of(server, custom).build("websocket", null).getPath())
        .isEqualTo("/custom/");
    ClientOptions off = ClientOptions.builder().addTrailingSlash(false).build();
    assertThat(EngineUris.of(server, off).build("websocket", null).getPath())
        .isEqualTo("/socket.io");
  }

  @Test
  void transportQueryGoesToItsTransportOnly() {
    ClientOptions o =
        ClientOptions.builder()
            .timestampRequests(false)
            .query("a", "1")
            .transportQuery("websocket", "a", "2")
            .transportQuery("polling", "p", "3")
            .build();
    EngineUris uris = EngineUris.of(URI.create("http://h"), o);
    assertThat(uris.build("websocket", null).getRawQuery())
        .isEqualTo("a=2&EIO=4&transport=websocket");
    assertThat(uris.build("polling", null).getRawQuery())
        .isEqualTo("a=1&p=3&EIO=4&transport=polling");
  }
}
