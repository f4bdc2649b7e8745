package io.sio4j.adapter.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The machine's PostgreSQL at 127.0.0.1:5432 (trust auth, database {@code test}), which {@code
 * .ci/run} starts. A test fails loudly when it does not answer.
 */
final class TestPostgres {
  static final String URL = "postgres://postgres@127.0.0.1:5432/test";
  static final String TABLE = "socket_io_attachments";

  private TestPostgres() {}

  /** The data source, with the attachment table created. */
  static DataSource dataSource() {
    DataSource ds = PostgresAdapters.dataSource(URL);
    try {
      PostgresAdapter.createTable(ds, TABLE);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL must answer on 127.0.0.1:5432 (database test)", e);
    }
    return ds;
  }

  /** A channel prefix no other test uses. */
  static String uniquePrefix() {
    return "sio4j-test-" + UUID.randomUUID();
  }

  /** Options for tests: a private prefix, and short heartbeats so that nodes meet fast. */
  static PostgresAdapterOptions options(String prefix) {
    return PostgresAdapterOptions.builder()
        .channelPrefix(prefix)
        .heartbeatInterval(Duration.ofSeconds(1))
        .heartbeatTimeout(Duration.ofSeconds(3))
        .requestsTimeout(Duration.ofSeconds(3))
        .build();
  }
}
