package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.server.SocketIoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's protocol as the official UI speaks it, with npm socket.io-client 4.8 on the {@code
 * /admin} namespace: basic auth with a bcrypt hash (and the session id it hands out), the config,
 * {@code server_stats}, the socket and room events, the operator actions and read-only mode.
 */
class AdminUiInteropTest {
  private static final String PASSWORD = "changeit";
  private static final String HASH =
      BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, PASSWORD.toCharArray());
  private SocketIoServer io;
  private AdminUi ui;
  private SioClient client;

  private void start(AdminUiOptions.Builder options) {
    io = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    io.on("connection", s -> s.on("hello", (String who) -> s.emit("hi", who)));
    ui = AdminUi.instrument(io, options.serverId("node-1").build());
    io.start();
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    if (ui != null) ui.close();
    if (io != null) io.close();
  }

  private static Map<String, Object> login(String user, String password) {
    return Map.of("auth", Map.of("username", user, "password", password), "forceNew", true);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void loginGetsSessionConfigSocketsAndStats() {
    start(AdminUiOptions.builder().auth("admin", HASH));
    String user = client.connected("u", "/", Map.of("forceNew", true)).path("sid").asText();
    client.connected("admin", "/admin", login("admin", PASSWORD));

    String session = client.awaitEvent("admin", "session").path("args").get(0).asText();
    assertThat(session).hasSize(16);
    JsonNode config = client.awaitEvent("admin", "config").path("args").get(0);
    assertThat(texts(config.path("supportedFeatures")))
        .containsExactly(
            "EMIT",
            "JOIN",
            "LEAVE",
            "DISCONNECT",
            "MJOIN",
            "MLEAVE",
            "MDISCONNECT",
            "AGGREGATED_EVENTS",
            "ALL_EVENTS");
    JsonNode all = client.awaitEvent("admin", "all_sockets").path("args").get(0);
    JsonNode mine = null;
    for (JsonNode s : all) if (s.path("id").asText().equals(user)) mine = s;
    assertThat(mine).as(all.toString()).isNotNull();
    assertThat(mine.path("nsp").asText()).isEqualTo("/");
    assertThat(mine.path("clientId").asText()).hasSize(12);
    assertThat(mine.path("transport").asText()).isIn("polling", "websocket");
    assertThat(texts(mine.path("rooms"))).containsExactly(user);
    assertThat(mine.path("handshake").path("address").asText()).isEqualTo("127.0.0.1");
    assertThat(mine.path("data").isObject()).isTrue();
    assertThat(mine.path("data").has("_admin")).isFalse();

    JsonNode stats = client.awaitEvent("admin", "server_stats").path("args").get(0);
    assertThat(stats.path("serverId").asText()).isEqualTo("node-1");
    assertThat(stats.path("clientsCount").asInt()).isEqualTo(2);
    assertThat(stats.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    assertThat(stats.path("aggregatedEvents").isArray()).isTrue();
    List<String> names = new ArrayList<>();
    stats.path("namespaces").forEach(n -> names.add(n.path("name").asText()));
    assertThat(names).contains("/", "/admin");

    // the session id logs in again without the password, as the UI does on reload
    client.connected(
        "again", "/admin", Map.of("auth", Map.of("sessionId", session), "forceNew", true));
  }

  @Test
  void wrongPasswordOrUserIsRefused() {
    start(AdminUiOptions.builder().auth("admin", HASH));
    client.connect("bad", "/admin", login("admin", "wrong"));
    assertThat(client.await("connect_error", "bad").path("message").asText())
        .isEqualTo("invalid credentials");
    client.connect("who", "/admin", login("root", PASSWORD));
    assertThat(client.await("connect_error", "who").path("message").asText())
        .isEqualTo("invalid credentials");
    client.connect("none", "/admin", Map.of("forceNew", true));
    assertThat(client.await("connect_error", "none").path("message").asText())
        .isEqualTo("invalid credentials");
    client.connect(
        "forged",
        "/admin",
        Map.of("auth", Map.of("sessionId", "0123456789abcdef"), "forceNew", true));
    assertThat(client.await("connect_error", "forged").path("message").asText())
        .isEqualTo("invalid credentials");
  }

  @Test
  void operatorActionsJoinEmitLeaveDisconnect() {
    start(AdminUiOptions.builder().noAuth());
    client.connected("admin", "/admin", Map.of("forceNew", true));
    client.awaitEvent("admin", "config");
    String user = client.connected("u", "/", Map.of("forceNew", true)).path("sid").asText();
    JsonNode connected = client.awaitEvent("admin", "socket_connected").path("args");
    while (!connected.get(0).path("id").asText().equals(user)) {
      connected = client.awaitEvent("admin", "socket_connected").path("args");
    }
    assertThat(connected.get(0).path("nsp").asText()).isEqualTo("/");
    assertThat(connected.get(1).asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    client.emit("admin", "join", "/", "vip");
    JsonNode joined = awaitRoomEvent("room_joined", "vip");
    assertThat(texts(joined)).startsWith("/", "vip", user);
    await().until(() -> io.sockets().sockets().get(user).rooms().contains("vip"));

    client.emit("admin", "emit", "/", "vip", "news", "from the admin");
    assertThat(client.awaitEvent("u", "news").path("args").get(0).asText())
        .isEqualTo("from the admin");

    client.emit("u", "hello", "bob");
    JsonNode received = client.awaitEvent("admin", "event_received").path("args");
    assertThat(received.get(1).asText()).isEqualTo(user);
    assertThat(texts(received.get(2))).containsExactly("hello", "bob");
    JsonNode sent = client.awaitEvent("admin", "event_sent").path("args");
    while (!sent.get(2).get(0).asText().equals("hi")) {
      sent = client.awaitEvent("admin", "event_sent").path("args");
    }

    client.emit("admin", "leave", "/", "vip");
    assertThat(texts(awaitRoomEvent("room_left", "vip"))).startsWith("/", "vip", user);

    client.emit("admin", "_disconnect", "/", false);
    assertThat(client.await("disconnect", "u").path("reason").asText())
        .isEqualTo("io server disconnect");
    JsonNode gone = client.awaitEvent("admin", "socket_disconnected").path("args");
    assertThat(texts(gone)).startsWith("/", user, "server namespace disconnect");
  }

  @Test
  void readOnlyRefusesActions() {
    start(AdminUiOptions.builder().noAuth().readOnly(true));
    io.of("/admin").on("connection", s -> s.on("hello", (String who) -> s.emit("hi", who)));
    String user = client.connected("u", "/", Map.of("forceNew", true)).path("sid").asText();
    client.connected("admin", "/admin", Map.of("forceNew", true));
    assertThat(
            texts(
                client.awaitEvent("admin", "config").path("args").get(0).path("supportedFeatures")))
        .containsExactly("AGGREGATED_EVENTS", "ALL_EVENTS");
    client.emit("admin", "join", "/", "vip");
    client.emit("admin", "_disconnect", "/", true);
    // the admin socket's events run in order: once it has been answered for a later event, the
    // actions above have been dropped (the UI hides them; the server must ignore them too)
    client.emit("admin", "hello", "sync");
    client.awaitEvent("admin", "hi");
    assertThat(io.sockets().sockets().get(user).rooms()).containsExactly(user);
    assertThat(io.sockets().sockets()).containsKey(user);
  }

  private JsonNode awaitRoomEvent(String type, String room) {
    JsonNode args = client.awaitEvent("admin", type).path("args");
    while (!args.get(1).asText().equals(room)) args = client.awaitEvent("admin", type).path("args");
    return args;
  }
}
