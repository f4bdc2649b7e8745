package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Listener1;
import java.net.CookieManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Listener registration and the less common options, against the official Node server. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientOptionsInteropTest {
  @Parameter TransportKind kind;

  private NodeServer server;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  @Test
  void onceFiresOnceAndOffRemoves() {
    server = NodeServer.start();
    List<String> seen = new CopyOnWriteArrayList<>();
    socket = IO.socket(server.url("/"), kind.options().forceNew(true).build());
    Listener1<String> always = s -> seen.add("always " + s);
    Listener1<String> removed = s -> seen.add("removed " + s);
    socket.on("echo", always);
    socket.once("echo", (String s) -> seen.add("once " + s));
    socket.on("echo", removed);
    socket.off("echo", removed);
    assertThat(socket.listeners("echo")).hasSize(2);
    socket.emit("echo", "a");
    socket.emit("echo", "b");
    await().until(() -> seen.contains("always b"));
    assertThat(seen).containsExactly("always a", "once a", "always b");
    assertThat(socket.listeners("echo")).containsExactly(always);
  }

  @Test
  void sendEmitsMessageAndCatchAllListenersCanBeOrderedAndRemoved() {
    server = NodeServer.start();
    List<String> seen = new CopyOnWriteArrayList<>();
    socket = IO.socket(server.url("/"), kind.options().forceNew(true).build());
    io.sio4j.protocol.event.AnyListener second = (e, a) -> seen.add("second " + e);
    io.sio4j.protocol.event.AnyListener removed = (e, a) -> seen.add("removed " + e);
    socket.onAny(second);
    socket.prependAny((e, a) -> seen.add("first " + e));
    socket.onAny(removed);
    socket.offAny(removed);
    assertThat(socket.listenersAny()).hasSize(2);
    socket.send("hi", 1);
    assertThat(server.awaitEvent("message").get("args").toString()).isEqualTo("[\"hi\",1]");
    socket.emit("echo", "back");
    await().until(() -> seen.size() == 2);
    assertThat(seen).containsExactly("first echo", "second echo");
    socket.offAny();
    assertThat(socket.listenersAny()).isEmpty();
  }

  @Test
  void rawListenerSeesJsonArgumentsAndCanAck() {
    server = NodeServer.start();
    List<String> seen = new CopyOnWriteArrayList<>();
    socket = IO.socket(server.url("/"), kind.options().forceNew(true).build());
    socket.onRaw(
        "question",
        (args, ack) -> {
          seen.add(args.toString());
          ack.send(args.size());
        });
    socket.emit("ask", Map.of("deep", List.of(1, 2)));
    assertThat(server.await("answer").get("args").toString()).isEqualTo("[1]");
    assertThat(seen).containsExactly("[{\"deep\":[1,2]}]");
  }

  @Test
  void listenersRunOnTheGivenExecutor() throws Exception {
    server = NodeServer.start();
    ExecutorService executor =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "my-listener-thread"));
    try {
      List<String> threads = new CopyOnWriteArrayList<>();
      socket =
          IO.socket(
              server.url("/"), kind.options().forceNew(true).listenerExecutor(executor).build());
      socket.on("connect", () -> threads.add(Thread.currentThread().getName()));
      socket.on("echo", (String s) -> threads.add(Thread.currentThread().getName()));
      await().until(socket::connected);
      socket.emit("echo", "x");
      await().until(() -> threads.size() == 2);
      assertThat(threads).containsOnly("my-listener-thread");
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void rememberUpgradeStartsOnWebSocketNextTime() {
    server = NodeServer.start();
    ClientOptions o = kind.options().forceNew(true).rememberUpgrade(true).build();
    socket = IO.socket(server.url("/"), o);
    assertThat(server.await("connection").get("transport").asText()).isEqualTo("polling");
    assertThat(server.await("upgrade").get("transport").asText()).isEqualTo("websocket");
    socket.io().close();
    // the same Manager remembers (issue 8: per Manager, no longer shared by the whole JVM)
    socket.connect();
    assertThat(server.await("connection").get("transport").asText()).isEqualTo("websocket");
    Socket other = IO.socket(server.url("/"), o); // another Manager starts over on polling
    try {
      assertThat(server.await("connection").get("transport").asText()).isEqualTo("polling");
    } finally {
      other.close();
    }
  }

  @Test
  void proxySelectorRoutesRequestsThroughTheProxy() throws Exception {
    server = NodeServer.start();
    try (TcpProxy proxy = new TcpProxy(server.port)) {
      socket =
          IO.socket(
              server.url("/"),
              kind.options()
                  .forceNew(true)
                  .transports("polling")
                  .reconnection(false)
                  .proxy(
                      java.net.ProxySelector.of(
                          new java.net.InetSocketAddress("127.0.0.1", proxy.port())))
                  .build());
      // an HTTP proxy gets the absolute URI of the request
      await().until(() -> !proxy.firstChunks.isEmpty());
      assertThat(proxy.firstChunks.get(0))
          .startsWith(
              "GET http://127.0.0.1:" + server.port + "/socket.io/?EIO=4&transport=polling");
    }
  }

  @Test
  void cookieHandlerSendsTheStickySessionCookieBack() {
    server = NodeServer.start("{\"cookie\":true}");
    socket =
        IO.socket(
            server.url("/"),
            kind.options()
                .forceNew(true)
                .transports("polling")
                .cookieHandler(new CookieManager())
                .build());
    await().until(socket::connected);
    JsonNode cookie = server.await("cookie");
    assertThat(cookie.get("cookie").asText()).startsWith("io=");
  }
}
