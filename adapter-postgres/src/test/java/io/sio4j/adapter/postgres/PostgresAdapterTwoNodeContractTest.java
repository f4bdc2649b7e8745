package io.sio4j.adapter.postgres;

import io.sio4j.server.TwoNodeAdapterContractTest;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter contract with a second, idle Postgres node in the cluster (its own data source and
 * connections): every utility and every broadcast with acks also waits for the other node's answer
 * over LISTEN/NOTIFY, and the results stay those of the one-node contract.
 */
class PostgresAdapterTwoNodeContractTest extends TwoNodeAdapterContractTest {
  @Override
  protected String newChannel() {
    return TestPostgres.uniquePrefix();
  }

  @Override
  protected AdapterFactory nodeFactory(String prefix) {
    return PostgresAdapter.factory(TestPostgres.dataSource(), TestPostgres.options(prefix));
  }

  @Override
  protected AdapterFactory otherNodeFactory(String prefix) {
    return PostgresAdapter.factory(TestPostgres.dataSource(), TestPostgres.options(prefix));
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((PostgresAdapter) adapter).subscribed();
  }
}
