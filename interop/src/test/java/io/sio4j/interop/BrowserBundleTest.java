package io.sio4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.server.http.BrowserClient;
import io.sio4j.server.http.HttpRoutes;
import io.sio4j.server.http.StaticFiles;
import io.sio4j.testkit.NodeProcess;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Chromium loads a page from our static files that pulls the official client bundles from
 * our {@link BrowserClient}: the classic, minified, msgpack and ESM builds all define {@code io}
 * with protocol 5, and the source maps are served.
 */
class BrowserBundleTest {
  private static final String PAGE =
      """
      <!doctype html>
      <meta charset="utf-8">
      <title>bundle check</title>
      <script>window.results = {};</script>
      <script src="/socket.io/socket.io.js"></script>
      <script>
        results.classic = typeof io === "function" && typeof io.Manager === "function";
        window.classicIo = io;
        delete window.io;
      </script>
      <script src="/socket.io/socket.io.min.js"></script>
      <script>results.min = typeof io === "function" && typeof io.Socket === "function"; delete window.io;</script>
      <script src="/socket.io/socket.io.msgpack.min.js"></script>
      <script>results.msgpack = typeof io === "function" && typeof io.Manager === "function";</script>
      <script type="module">
        import { io, protocol } from "/socket.io/socket.io.esm.min.js";
        results.esm = typeof io === "function" ? protocol : "missing";
        const map = await fetch("/socket.io/socket.io.min.js.map");
        results.mapStatus = map.status;
        results.mapType = map.headers.get("content-type");
        results.mapVersion = (await map.json()).version;
        // the served classic bundle opens an Engine.IO connection to our engine
        results.engine = await new Promise((resolve) => {
          const manager = new classicIo.Manager(location.origin, { path: "/engine.io/", reconnection: false, autoConnect: false });
          manager.open((err) => {
            resolve(err ? "error: " + err.message : manager.engine.transport.name);
            manager.engine.close();
          });
        });
        results.done = true;
      </script>
      """;

  @Test
  void everyBundleDefinesTheClient(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("index.html"), PAGE);
    HttpRoutes http =
        HttpRoutes.of(BrowserClient.at("/socket.io"), StaticFiles.fromDirectory(root));
    try (EngineServer server =
        EngineServer.create(
            EngineOptions.builder().path("/engine.io/").httpHandler(http).build())) {
      InetSocketAddress address = server.listen("127.0.0.1", 0).get(10, TimeUnit.SECONDS);
      String url = "http://127.0.0.1:" + address.getPort() + "/";
      try (NodeProcess browser = NodeProcess.start("browser-bundle.mjs", url)) {
        JsonNode result =
            browser.await(
                n ->
                    n.path("type").asText().equals("result")
                        || n.path("type").asText().equals("error"),
                Duration.ofSeconds(60));
        assertThat(result.path("type").asText()).as("%s", result).isEqualTo("result");
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.path("failed")).isEmpty();
        assertThat(result.path("classic").asBoolean()).as("%s", result).isTrue();
        assertThat(result.path("min").asBoolean()).isTrue();
        assertThat(result.path("msgpack").asBoolean()).isTrue();
        assertThat(result.path("esm").asInt()).isEqualTo(5);
        assertThat(result.path("engine").asText()).isEqualTo("polling");
        assertThat(result.path("mapStatus").asInt()).isEqualTo(200);
        assertThat(result.path("mapType").asText()).startsWith("application/json");
        assertThat(result.path("mapVersion").asInt()).isEqualTo(3);
      }
    }
  }
}
