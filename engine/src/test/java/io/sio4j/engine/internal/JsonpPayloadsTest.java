package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSONP wire format of the official server's polling-jsonp transport. */
class JsonpPayloadsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "d=4hello                 | 4hello",
        "d=4a%5Cnb                | '4a\nb'",
        "d=4a%5C%5Cnb             | 4a\\\\nb",
        "d=4a+b&x=1               | 4a b",
      })
  void formBodiesAreDecoded(String body, String payload) {
    assertThat(JsonpPayloads.decodeForm(body.trim())).isEqualTo(payload);
  }

  @org.junit.jupiter.api.Test
  void missingFieldIsNull() {
    assertThat(JsonpPayloads.decodeForm("x=4hello")).isNull();
  }

  @org.junit.jupiter.api.Test
  void responsesAreScriptSafe() {
    assertThat(JsonpPayloads.wrap("7", "4\"</script>\u2028"))
        .isEqualTo("___eio[7](\"4\\\"</script>\\u2028\");");
  }
}
