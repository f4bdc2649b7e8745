package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.examples.chat.ChatExample;
import io.sio4j.examples.tutorial.MessageExample;
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
            "chat");
    for (Main.Example example : Main.EXAMPLES.values()) {
      int modifiers = example.type().getMethod("main", String[].class).getModifiers();
      assertThat(Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)).isTrue();
    }
  }

  @Test
  void anExamplesHelpNamesItsOptionsAndTheDebugSwitch() {
    String help = ExampleServer.help(new ChatExample());
    assertThat(help)
        .contains("sio4j-examples.jar chat [--port N] [--host H]")
        .contains(new ChatExample().summary())
        .contains("SIO4J_DEBUG", "-Dsio4j.debug", "engine:websocket");
    assertThat(ExampleServer.help(new MessageExample())).contains("4000 ms");
  }
}
