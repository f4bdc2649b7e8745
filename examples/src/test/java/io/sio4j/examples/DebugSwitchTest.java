package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DebugSwitchTest {

  @Test
  void offWhenBlank() {
    assertThat(DebugSwitch.loggersFor(null)).isEmpty();
    assertThat(DebugSwitch.loggersFor("  ")).isEmpty();
  }

  @Test
  void starTurnsOnEveryLayer() {
    assertThat(DebugSwitch.loggersFor("*")).containsExactlyElementsOf(DebugSwitch.LAYERS.values());
  }

  @Test
  void nodeStyleNamesSelectLayersExactly() {
    assertThat(DebugSwitch.loggersFor("engine,socket.io*"))
        .containsExactly(
            "io.sio4j.engine",
            "io.sio4j.server",
            "io.sio4j.server.adapter",
            "io.sio4j.protocol",
            "io.sio4j.client");
    assertThat(DebugSwitch.loggersFor("engine:*"))
        .containsExactly("io.sio4j.engine.polling", "io.sio4j.engine.websocket");
    assertThat(DebugSwitch.loggersFor("engine:websocket socket.io:adapter"))
        .containsExactly("io.sio4j.engine.websocket", "io.sio4j.server.adapter");
  }

  @Test
  void exclusionsAndJavaLoggerNames() {
    assertThat(DebugSwitch.loggersFor("*,-engine:polling"))
        .doesNotContain("io.sio4j.engine.polling");
    assertThat(DebugSwitch.loggersFor("io.sio4j.engine.*"))
        .containsExactly("io.sio4j.engine.polling", "io.sio4j.engine.websocket");
    assertThat(DebugSwitch.loggersFor("io.sio4j.examples.chat"))
        .containsExactly("io.sio4j.examples.chat");
    assertThat(DebugSwitch.loggersFor("nothing-known")).isEmpty();
  }

  @Test
  void theExamplesHaveTheirOwnLayer() {
    assertThat(DebugSwitch.loggersFor("examples")).containsExactly("io.sio4j.examples");
  }

  @Test
  void applySetsTheSelectedLayersToDebugAndTheOthersToInfo() {
    Logger engine = (Logger) LoggerFactory.getLogger("io.sio4j.engine");
    Logger polling = (Logger) LoggerFactory.getLogger("io.sio4j.engine.polling");
    Logger server = (Logger) LoggerFactory.getLogger("io.sio4j.server");
    try {
      DebugSwitch.apply("engine,socket.io:server");
      assertThat(engine.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(server.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(polling.getLevel()).isEqualTo(Level.INFO);
      assertThat(polling.isDebugEnabled()).isFalse();
      assertThat(server.isDebugEnabled()).isTrue();
    } finally {
      for (String name : DebugSwitch.LAYERS.values()) {
        ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
      }
    }
  }

  @Test
  void helpNamesTheSwitchAndEveryLayer() {
    String help = DebugSwitch.help();
    assertThat(help).contains("SIO4J_DEBUG", "sio4j.debug");
    DebugSwitch.LAYERS.keySet().forEach(layer -> assertThat(help).contains(layer));
  }
}
