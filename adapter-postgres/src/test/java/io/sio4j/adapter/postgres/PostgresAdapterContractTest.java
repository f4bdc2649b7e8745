package io.sio4j.adapter.postgres;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.adapter.AdapterFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/**
 * The server's adapter contract for {@link PostgresAdapter} on one node: every broadcast and
 * utility also goes out as a NOTIFY (or through the attachment table, with binary) and comes back
 * to its sender, which drops it.
 */
class PostgresAdapterContractTest extends AdapterContractTest {
  private static DataSource db;

  @BeforeAll
  static void connect() {
    db = TestPostgres.dataSource();
  }

  @Override
  protected AdapterFactory adapterFactory() {
    if (db == null) db = TestPostgres.dataSource();
    return PostgresAdapter.factory(db, TestPostgres.options(TestPostgres.uniquePrefix()));
  }
}
