package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.event.Arguments;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client can make the Socket.IO layer hold, bounded at named options (issue 14): child
 * namespaces created by CONNECTs, rooms per socket, acknowledgements owed.
 */
class PeerLimitsTest {
  private final List<FakeConnection> conns = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();
  private SocketIoServer io;

  @AfterEach
  void tearDown() {
    conns.forEach(FakeConnection::shutdown);
  }

  private void server(UnaryOperator<ServerBuilder> config) {
    io = config.apply(SocketIoServer.builder().serveClient(false)).build();
    io.on("connection", sockets::add);
  }

  private FakeConnection open() {
    FakeConnection c = FakeConnection.connect(io);
    conns.add(c);
    return c;
  }

  private Socket joined(FakeConnection c) throws Exception {
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    return sockets.poll(5, TimeUnit.SECONDS);
  }

  @Test
  void defaults() {
    ServerOptions o = SocketIoServer.builder().serveClient(false).options();
    assertThat(o.maxDynamicNamespaces()).isEqualTo(10_000);
    assertThat(o.maxRoomsPerSocket()).isEqualTo(10_000);
    assertThat(o.maxPendingAcks()).isEqualTo(10_000);
    assertThatThrownBy(() -> SocketIoServer.builder().maxRoomsPerSocket(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientsCreateChildNamespacesUpToMaxDynamicNamespaces() {
    server(b -> b.maxDynamicNamespaces(2).cleanupEmptyChildNamespaces(true));
    io.of(Pattern.compile("^/dyn-\\d+$"));
    FakeConnection c = open();
    c.text("0/dyn-1,");
    assertThat(c.next()).startsWith("0/dyn-1,{");
    c.text("0/dyn-2,");
    assertThat(c.next()).startsWith("0/dyn-2,{");
    c.text("0/dyn-3,"); // one past the bound: refused like an unknown namespace
    assertThat(c.next()).isEqualTo("4/dyn-3,{\"message\":\"Invalid namespace\"}");
    // an existing child is still joined by others
    FakeConnection other = open();
    other.text("0/dyn-1,");
    assertThat(other.next()).startsWith("0/dyn-1,{");
    // a child removed when empty frees its place
    c.text("1/dyn-2,");
    c.runOnLoop(() -> {});
    c.text("0/dyn-3,");
    assertThat(c.next()).startsWith("0/dyn-3,{");
  }

  @Test
  void aSocketJoinsUpToMaxRoomsPerSocketItsOwnIncluded() throws Exception {
    server(b -> b.maxRoomsPerSocket(3));
    Socket s = joined(open());
    CompletableFuture<Void> done = new CompletableFuture<>();
    s.client()
        .execute(
            () -> {
              try {
                s.join("a", "b"); // its own room, a, b: at the bound
                s.join("a"); // already in: fine
                assertThatThrownBy(() -> s.join("b", "c"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("maxRoomsPerSocket");
                assertThat(s.rooms()).containsExactlyInAnyOrder(s.id(), "a", "b");
                s.leave("a");
                s.join("c");
                assertThat(s.rooms()).containsExactlyInAnyOrder(s.id(), "b", "c");
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            });
    done.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aClientOwesAtMostMaxPendingAcks() throws Exception {
    server(b -> b.maxPendingAcks(2));
    FakeConnection c = open();
    Socket s = joined(c);
    CompletableFuture<Arguments> first = s.emitWithAck("q", 1);
    CompletableFuture<Arguments> second = s.emitWithAck("q", 2);
    String sent = c.next();
    assertThat(c.next()).startsWith("2");
    CompletableFuture<Arguments> third = s.emitWithAck("q", 3); // one past the bound
    assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    // the client answers one: there is room again
    String id = sent.substring(1, sent.indexOf('['));
    c.text("3" + id + "[\"ok\"]");
    assertThat(first.get(5, TimeUnit.SECONDS)).isNotNull();
    CompletableFuture<Arguments> fourth = s.emitWithAck("q", 4);
    assertThat(c.next()).startsWith("2").endsWith("[\"q\",4]");
    assertThat(fourth).isNotDone();
    assertThat(second).isNotDone();
  }
}
