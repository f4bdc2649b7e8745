package io.sio4j.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract with a second, idle Postgres node in the cluster (its own data source and
 * connections): every utility and every broadcast with acks also waits for the other node's answer
 * over LISTEN/NOTIFY, and the results stay those of the one-node contract.
 */
class PostgresAdapterTwoNodeContractTest extends AdapterContractTest {
  private String prefix; // set by adapterFactory(), which the superclass calls while constructing
  private SocketIoServer other;

  @Override
  protected AdapterFactory adapterFactory() {
    prefix = TestPostgres.uniquePrefix();
    return PostgresAdapter.factory(TestPostgres.dataSource(), TestPostgres.options(prefix));
  }

  @BeforeEach
  void startOtherNode() throws Exception {
    DataSource otherDb = TestPostgres.dataSource();
    other =
        SocketIoServer.builder()
            .adapter(PostgresAdapter.factory(otherDb, TestPostgres.options(prefix)))
            .build();
    ((PostgresAdapter) other.sockets().adapter()).subscribed().get(10, TimeUnit.SECONDS);
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
