package quickstart;

import io.sio4j.adapter.postgres.PostgresAdapter;
import io.sio4j.adapter.postgres.PostgresAdapterOptions;
import io.sio4j.adapter.postgres.PostgresAdapters;
import io.sio4j.server.SocketIoServer;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** README, "Scale-out with PostgreSQL". */
final class PostgresQuickStart {
  static void run() throws SQLException {
    // @README@
  }
}
