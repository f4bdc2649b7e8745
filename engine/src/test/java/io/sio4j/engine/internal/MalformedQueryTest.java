package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.TestEngine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bugs found by {@code QueryAndFormFuzzTest}: a malformed percent-escape in the query or in a JSONP
 * form body made Netty's decoder throw into the pipeline, and the connection was dropped without an
 * answer. Raw sockets, because {@code java.net.URI} refuses to send such a request at all.
 */
class MalformedQueryTest {
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void malformedEscapeInTheQueryIsAnsweredWith400() throws Exception {
    String response =
        exchange(
            "GET /engine.io/?EIO=4&transport=polling&t=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(response)
        .startsWith("HTTP/1.1 400 ")
        .contains("{\"code\":3,\"message\":\"Bad request\"}");
  }

  @Test
  void malformedEscapeInAJsonpFormBodyIsABadRequest() throws Exception {
    String handshake = engine.get("EIO=4&transport=polling&j=0").body();
    int at = handshake.indexOf("\\\"sid\\\":\\\"") + 10;
    String sid = handshake.substring(at, handshake.indexOf('\\', at));
    String body = "d=%zz";
    String response =
        exchange(
            "POST /engine.io/?EIO=4&transport=polling&j=0&sid="
                + sid
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);
    assertThat(response).startsWith("HTTP/1.1 400 ");
  }

  private String exchange(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", engine.port)) {
      s.setSoTimeout((int) TestEngine.WAIT.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
