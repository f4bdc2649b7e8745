package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.TlsOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples' {@code --tls-cert FILE --tls-key FILE} contract (issue 9). */
class ArgsTlsTest {

  @Test
  void bothFilesMakeTlsOptions() {
    String[] args = {"--port", "0", "--tls-cert", "c.pem", "--tls-key", "k.pem"};
    TlsOptions tls = Args.tls(args);
    assertThat(tls.certificateChain()).isEqualTo(Path.of("c.pem"));
    assertThat(tls.privateKey()).isEqualTo(Path.of("k.pem"));
    assertThat(Args.url(args, 8443)).isEqualTo("https://localhost:8443");
  }

  @Test
  void neitherMeansPlainHttp() {
    assertThat(Args.tls(new String[] {"--port", "0"})).isNull();
    assertThat(Args.url(new String[] {}, 3000)).isEqualTo("http://localhost:3000");
  }

  @Test
  void oneWithoutTheOtherIsAnError() {
    assertThatThrownBy(() -> Args.tls(new String[] {"--tls-cert", "c.pem"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-key");
  }

  @Test
  void everyServerExamplesHelpListsTheTlsFlags() {
    assertThat(Main.help("hello")).contains("--tls-cert FILE", "--tls-key FILE");
    assertThat(Main.usage()).contains("--tls-cert FILE");
  }
}
