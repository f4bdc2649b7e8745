/**
 * sio4j-adapter-postgres: the PostgreSQL cluster adapter, wire-compatible with
 * {@code @socket.io/postgres-adapter}, over LISTEN/NOTIFY with the official JDBC driver (an
 * automatic module named {@code org.postgresql.jdbc} by its manifest). {@code javax.sql.DataSource}
 * is part of its API, hence {@code requires transitive java.sql}.
 */
@SuppressWarnings("requires-automatic") // the driver's name is stable: its manifest sets it
module io.sio4j.adapter.postgres {
  requires transitive io.sio4j.server;
  requires transitive java.sql;
  requires java.naming; // the driver's data source is Referenceable
  requires org.postgresql.jdbc;
  requires org.slf4j;

  exports io.sio4j.adapter.postgres;
}
