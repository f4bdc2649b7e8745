package io.sio4j.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.server.SocketIoServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever is notified on a namespace's channel or stored in the attachment table (garbage, wrong
 * shapes, ids of missing rows, rows of garbage, rows over {@code maxAttachmentBytes}), the nodes
 * drop it and keep answering each other. Bad options are refused up front.
 */
class PostgresBadInputTest {
  private final String prefix = TestPostgres.uniquePrefix();
  private DataSource db;
  private SocketIoServer a;
  private SocketIoServer b;

  @BeforeEach
  void start() throws Exception {
    db = TestPostgres.dataSource();
    PostgresAdapterOptions options =
        PostgresAdapterOptions.builder()
            .channelPrefix(prefix)
            .heartbeatInterval(Duration.ofSeconds(1))
            .heartbeatTimeout(Duration.ofSeconds(3))
            .maxAttachmentBytes(1024)
            .build();
    a = SocketIoServer.builder().adapter(PostgresAdapter.factory(db, options)).build();
    b = SocketIoServer.builder().adapter(PostgresAdapter.factory(db, options)).build();
    for (SocketIoServer io : List.of(a, b)) {
      ((PostgresAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
    b.onServerSideEmit("ping", (args, ack) -> ack.accept("pong"));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  private long insert(byte[] payload) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + TestPostgres.TABLE + " (payload) VALUES (?) RETURNING id")) {
      ps.setBytes(1, payload);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void notify(String payload) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, prefix + "#/");
      ps.setString(2, payload);
      ps.executeQuery().close();
    }
  }

  @Test
  void garbageIsDroppedAndTheClusterKeepsWorking() throws Exception {
    long garbageRow = insert(new byte[] {(byte) 0xc1, 1, 2, 3});
    long arrayRow = insert(new byte[] {(byte) 0x93, 1, 2, 3});
    long tooLarge = insert(new byte[2048]);
    long lyingMap = insert(new byte[] {(byte) 0xdf, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
    for (String payload :
        List.of(
            "not json",
            "{",
            "[]",
            "{\"uid\":\"x\"}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":\"no\"}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":7,\"data\":{\"opts\":{}}}",
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":10,\"data\":{\"requestId\":\"forged\"}}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":\"999999999999\"}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":\"1; DROP TABLE x\"}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":\"" + garbageRow + "\"}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":" + arrayRow + "}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":\"" + tooLarge + "\"}",
            "{\"uid\":\"x\",\"type\":3,\"attachmentId\":\"" + lyingMap + "\"}")) {
      notify(payload);
    }
    List<ArrayNode> answers = a.serverSideEmitWithAck("ping").get(10, TimeUnit.SECONDS);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get(0).asText()).isEqualTo("pong");
    assertThat(a.sockets().adapter().serverCount().get()).isEqualTo(2);
  }

  @Test
  void optionsThatWouldBreakTheSqlAreRefused() {
    assertThatThrownBy(() -> PostgresAdapterOptions.builder().tableName("x; DROP TABLE y").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresAdapterOptions.builder().tableName("\"quoted\"").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresAdapterOptions.builder().payloadThreshold(8001).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresAdapterOptions.builder().channelPrefix("").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PostgresAdapterOptions.builder().heartbeatInterval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PostgresAdapterOptions.builder().tableName("app.attachments").build().tableName())
        .isEqualTo("app.attachments");
    assertThatThrownBy(() -> PostgresAdapters.dataSource("redis://127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
