package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Server options exist only as the builder made them: defaults, refusals, no way around it. */
class ServerOptionsTest {

  @Test
  void defaultsAreTheOfficialServers() {
    ServerOptions o = SocketIoServer.builder().serveClient(false).options();
    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.port()).isEqualTo(3000);
    assertThat(o.engine().path()).isEqualTo("/socket.io/");
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(o.connectionStateRecovery()).isNull();
    assertThat(o.cleanupEmptyChildNamespaces()).isFalse();
    assertThat(o.parser()).isNotNull();
    assertThat(o.mapper()).isNotNull();
    assertThat(o.listenerExecutor()).isNull();
  }

  @Test
  void thereIsNoConstructorOutsideTheBuilder() {
    assertThat(ServerOptions.class.isRecord()).isFalse();
    assertThat(ServerOptions.class.getConstructors()).as("public constructors").isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        refused("port -1", b -> b.port(-1)),
        refused("port 65536", b -> b.port(65_536)),
        refused("host null", b -> b.host(null)),
        refused("connectTimeout zero", b -> b.connectTimeout(Duration.ZERO)),
        refused("connectTimeout negative", b -> b.connectTimeout(Duration.ofSeconds(-1))),
        refused("connectTimeout null", b -> b.connectTimeout(null)),
        refused("maxAttachments -1", b -> b.maxAttachments(-1)),
        refused("maxPartialPacketBytes 0", b -> b.maxPartialPacketBytes(0)),
        refused("maxPartialPacketBytesTotal 0", b -> b.maxPartialPacketBytesTotal(0)),
        refused("partialPacketTimeout zero", b -> b.partialPacketTimeout(Duration.ZERO)),
        refused("maxDynamicNamespaces -1", b -> b.maxDynamicNamespaces(-1)),
        refused("maxPendingAcks -1", b -> b.maxPendingAcks(-1)),
        refused("adapter null", b -> b.adapter(null)),
        refused("pingInterval zero", b -> b.pingInterval(Duration.ZERO).options()),
        refused("pingTimeout negative", b -> b.pingTimeout(Duration.ofMillis(-5)).options()),
        refused("maxHttpBufferSize 0", b -> b.maxHttpBufferSize(0)),
        refused("unknown transport", b -> b.transports("carrier-pigeon")),
        refused("no transports", b -> b.transports()),
        refused("path null", b -> b.path(null)),
        refused(
            "recovery without duration",
            b -> b.connectionStateRecovery(Duration.ZERO, true).options()));
  }

  private static Arguments refused(String name, Consumer<ServerBuilder> change) {
    return Arguments.of(name, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidValuesAreRefused(String name, Consumer<ServerBuilder> change) {
    ServerBuilder builder = SocketIoServer.builder().serveClient(false);
    assertThatThrownBy(() -> change.accept(builder))
        .as(name)
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
  }
}
