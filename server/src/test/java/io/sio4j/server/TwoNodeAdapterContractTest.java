package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract with a second, idle node in the cluster: every utility and every broadcast
 * with acks also waits for the other node's answer, and the results stay those of the one-node
 * contract. A cluster adapter module extends this class: it names a fresh channel (key or prefix)
 * shared by both nodes, the factory of each node on that channel, and how to wait for a node's
 * subscription.
 */
public abstract class TwoNodeAdapterContractTest extends AdapterContractTest {
  private String channel; // set by adapterFactory(), which the superclass calls while constructing
  private SocketIoServer other;

  /** A fresh key or prefix, so that the two nodes of one test see no other test's traffic. */
  protected abstract String newChannel();

  /** The factory of the node under test, on {@code channel}. */
  protected abstract AdapterFactory nodeFactory(String channel);

  /** The factory of the second, idle node, on {@code channel} (its own connections). */
  protected abstract AdapterFactory otherNodeFactory(String channel);

  /** Completes when {@code adapter} (made by {@link #otherNodeFactory}) listens to the cluster. */
  protected abstract CompletableFuture<Void> subscribed(Adapter adapter);

  @Override
  protected final AdapterFactory adapterFactory() {
    channel = newChannel();
    return nodeFactory(channel);
  }

  @BeforeEach
  void startOtherNode() throws Exception {
    other = SocketIoServer.builder().adapter(otherNodeFactory(channel)).build();
    subscribed(other.sockets().adapter()).get(10, TimeUnit.SECONDS);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> other.sockets().adapter().serverCount().get() == 2);
  }

  @AfterEach
  void stopOtherNode() {
    other.close();
  }

  /** With two nodes there is someone to reach: a node without a listener lets it time out. */
  @Override
  @Test
  protected void serverSideEmitOnOneNodeReachesNoOne() {
    assertThatThrownBy(() -> other.serverSideEmitWithAck("hello").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> other.serverSideEmit("disconnect"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(other.sockets().sockets()).isEmpty();
  }
}
