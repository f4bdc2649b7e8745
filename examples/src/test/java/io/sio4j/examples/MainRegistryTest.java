package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class MainRegistryTest {

  @Test
  void everyTutorialChapterIsRegisteredWithAStaticMain() throws Exception {
    assertThat(Main.EXAMPLES)
        .containsKeys(
            "hello",
            "message",
            "custom-event",
            "client-event",
            "broadcast",
            "welcome",
            "namespace",
            "rooms",
            "errors",
            "chat",
            "chat-client");
    for (Main.Example example : Main.EXAMPLES.values()) {
      int modifiers = example.type().getMethod("main", String[].class).getModifiers();
      assertThat(Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)).isTrue();
    }
  }

  @Test
  void anExamplesHelpNamesItsOptionsAndTheDebugSwitch() {
    String help = Main.help("chat");
    assertThat(help)
        .contains("sio4j-examples.jar chat [--port N] [--host H]")
        .contains(Main.EXAMPLES.get("chat").description())
        .contains("SIO4J_DEBUG", "-Dsio4j.debug", "engine:websocket");
    assertThat(Main.help("message")).contains("4000 ms");
    assertThat(Main.help("chat-client")).contains("chat-client [--url URL] [--name NAME]");
  }

  @Test
  void theSharedOptionsAreReadTheSimpleWay() {
    assertThat(Args.port(new String[] {"--port", "3100"})).isEqualTo(3100);
    assertThat(Args.port(new String[] {})).isEqualTo(Args.DEFAULT_PORT);
    assertThat(Args.host(new String[] {"--port", "1", "--host", "0.0.0.0"})).isEqualTo("0.0.0.0");
    assertThat(Args.value(new String[] {"--name"}, "--name", "x")).isEqualTo("x");
    assertThat(Args.help(new String[] {"--port", "1", "-h"})).isTrue();
  }
}
