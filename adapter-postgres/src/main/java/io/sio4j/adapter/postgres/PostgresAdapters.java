package io.sio4j.adapter.postgres;

import io.sio4j.server.adapter.AdapterFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connects a Postgres adapter from a URL, for command-line tools (the bench server and the examples
 * take {@code --adapter postgres --postgres URL}): it makes the data source, creates the attachment
 * table if it is missing, and hands out the factory. With the default options the node joins a
 * cluster of Node servers that use the official {@code @socket.io/postgres-adapter}.
 *
 * <pre>{@code
 * try (PostgresAdapters pg = PostgresAdapters.connect("postgres://postgres@127.0.0.1:5432/test")) {
 *   SocketIoServer io = SocketIoServer.builder().adapter(pg.factory()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>URLs: {@code postgres://[user[:password]@]host[:port]/database} (as {@code pg} takes them,
 * user {@code postgres} when none is given) or a JDBC URL {@code jdbc:postgresql://...}.
 * Thread-safe.
 */
public final class PostgresAdapters implements AutoCloseable {
  /** {@code --adapter postgres}. */
  public static final String KIND = "postgres";

  private final DataSource dataSource;
  private final AdapterFactory factory;

  private PostgresAdapters(DataSource dataSource, PostgresAdapterOptions options) {
    this.dataSource = dataSource;
    this.factory = PostgresAdapter.factory(dataSource, options);
  }

  /** Connects with the official defaults. */
  public static PostgresAdapters connect(String url) throws SQLException {
    return connect(url, PostgresAdapterOptions.DEFAULTS);
  }

  /**
   * Makes the data source of {@code url} and creates {@code options.tableName()} if missing.
   *
   * @throws IllegalArgumentException for a URL that is neither form
   * @throws SQLException when PostgreSQL does not answer or refuses
   */
  public static PostgresAdapters connect(String url, PostgresAdapterOptions options)
      throws SQLException {
    DataSource ds = dataSource(url);
    PostgresAdapter.createTable(ds, options.tableName());
    return new PostgresAdapters(ds, options);
  }

  /** The data source of a {@code postgres://} or {@code jdbc:postgresql://} URL. */
  public static DataSource dataSource(String url) {
    Objects.requireNonNull(url, "url");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    if (url.startsWith("jdbc:postgresql:")) {
      ds.setURL(url);
    } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = URI.create(url);
      if (uri.getHost() == null) throw new IllegalArgumentException("no host in " + url);
      String db =
          uri.getPath() == null || uri.getPath().length() <= 1
              ? "postgres"
              : uri.getPath().substring(1);
      ds.setServerNames(new String[] {uri.getHost()});
      ds.setPortNumbers(new int[] {uri.getPort() > 0 ? uri.getPort() : 5432});
      ds.setDatabaseName(db);
      String user = "postgres";
      String info = uri.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        user = decode(colon < 0 ? info : info.substring(0, colon));
        if (colon >= 0) ds.setPassword(decode(info.substring(colon + 1)));
      }
      ds.setUser(user);
    } else {
      throw new IllegalArgumentException(
          "--postgres wants postgres://user@host:port/db or jdbc:postgresql://..., not " + url);
    }
    if (ds.getUser() == null) ds.setUser("postgres");
    ds.setConnectTimeout(3);
    ds.setTcpKeepAlive(true);
    ds.setApplicationName("sio4j");
    return ds;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The adapter factory for {@code SocketIoServer.builder().adapter(...)}. */
  public AdapterFactory factory() {
    return factory;
  }

  /** The data source, for the application's own queries. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Nothing to release: the adapters give their connections back when the server closes. */
  @Override
  public void close() {}
}
