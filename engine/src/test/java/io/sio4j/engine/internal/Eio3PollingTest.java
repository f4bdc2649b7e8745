package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.TestEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code allowEIO3}: the Engine.IO v3 framing over HTTP long-polling (text, binary and JSONP
 * payloads), the v3 heartbeat direction, and the refusal when the option is off.
 */
class Eio3PollingTest {
  private TestEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) engine.close();
  }

  private void start(boolean allow) {
    engine = new TestEngine(b -> b.allowEIO3(allow).pingInterval(Duration.ofSeconds(20)));
  }

  private static String q(String sid) {
    return "EIO=3&transport=polling&sid=" + sid;
  }

  /** Opens a v3 session; returns its sid after checking the length prefix of the handshake. */
  private String open(String extra) throws Exception {
    HttpResponse<String> r = engine.get("EIO=3&transport=polling" + extra);
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    int colon = body.indexOf(':');
    assertThat(Integer.parseInt(body.substring(0, colon))).isEqualTo(body.length() - colon - 1);
    assertThat(body.substring(colon + 1)).startsWith("0{\"sid\":\"");
    int i = body.indexOf("\"sid\":\"") + 7;
    return body.substring(i, body.indexOf('"', i));
  }

  private HttpResponse<byte[]> getBytes(String query) throws Exception {
    return engine.http.send(
        HttpRequest.newBuilder(URI.create(engine.url(query))).timeout(TestEngine.WAIT).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> postBytes(String query, byte[] body) throws Exception {
    return engine.http.send(
        HttpRequest.newBuilder(URI.create(engine.url(query)))
            .timeout(TestEngine.WAIT)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusedWhenTheOptionIsOff() throws Exception {
    start(false);
    HttpResponse<String> r = engine.get("EIO=3&transport=polling");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
  }

  @Test
  void onlyThreeAndFourAreSpoken() throws Exception {
    start(true);
    for (String eio : new String[] {"", "&EIO=2", "&EIO=abc", "&EIO=3&EIO=4"}) {
      HttpResponse<String> r = engine.get("transport=polling" + eio);
      assertThat(r.statusCode()).as(eio).isEqualTo(400);
      assertThat(r.body()).contains("\"code\":5");
    }
  }

  @Test
  void binaryPayloadsBothWaysForClientsThatSupportBinary() throws Exception {
    start(true);
    String sid = open("");
    byte[] payload = {0, 6, (byte) 255, '4', 'h', 'e', 'l', 'l', 'o', 1, 3, (byte) 255, 4, 7, 8};
    assertThat(postBytes(q(sid), payload).body()).isEqualTo("ok");
    assertThat(engine.await("text").text()).isEqualTo("hello");
    assertThat(engine.await("binary").bytes()).containsExactly(7, 8);
    HttpResponse<byte[]> poll = getBytes(q(sid));
    assertThat(poll.headers().firstValue("content-type")).hasValue("application/octet-stream");
    assertThat(poll.body()).containsExactly(payload);
  }

  @Test
  void base64ClientsGetTextPayloads() throws Exception {
    start(true);
    String sid = open("&b64=1");
    assertThat(engine.post(q(sid), "10:b4AQIDBA==5:4hé€o").statusCode()).isEqualTo(200);
    HttpResponse<String> poll = engine.get(q(sid));
    assertThat(poll.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
    assertThat(poll.body()).isEqualTo("10:b4AQIDBA==5:4hé€o");
  }

  @Test
  void jsonpWrapsTheV3TextPayload() throws Exception {
    start(true);
    HttpResponse<String> open = engine.get("EIO=3&transport=polling&j=2&b64=1");
    assertThat(open.body()).matches("___eio\\[2\\]\\(\"\\d+:0\\{.*\"\\);");
    String body = open.body();
    int i = body.indexOf("sid\\\":\\\"") + 8;
    String sid = body.substring(i, body.indexOf('\\', i));
    HttpResponse<String> post =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid) + "&j=2")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("d=9%3A4line1%5Cnab10%3Ab4AQIDBA%3D%3D"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(engine.await("text").text()).isEqualTo("line1\nab");
    assertThat(engine.await("binary").bytes()).containsExactly(1, 2, 3, 4);
    HttpResponse<String> poll = engine.get(q(sid) + "&j=2");
    assertThat(poll.body()).isEqualTo("___eio[2](\"9:4line1\\nab10:b4AQIDBA==\");");
  }

  @Test
  void theClientPingsAndTheServerPongs() throws Exception {
    start(true);
    String sid = open("&b64=1");
    for (int i = 0; i < 2; i++) {
      assertThat(engine.post(q(sid), "5:2ping").statusCode()).isEqualTo(200);
      assertThat(engine.get(q(sid)).body()).isEqualTo("1:3");
    }
    // a PONG is the v4 direction: the session closes
    assertThat(engine.post(q(sid), "1:3").statusCode()).isEqualTo(200);
    assertThat(engine.await("close").text()).isEqualTo("transport error");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
  }

  @Test
  void malformedPayloadsCloseTheSession() throws Exception {
    start(true);
    for (String bad : new String[] {"abc", "6:4hello6", "3:b5A", "0"}) {
      String sid = open("&b64=1");
      HttpResponse<String> r = engine.post(q(sid), bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(engine.await("close").text()).isEqualTo("parse error");
      assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
    }
    String sid = open("");
    byte[] overrun = {0, 9, 9, (byte) 255, '4'};
    assertThat(postBytes(q(sid), overrun).statusCode()).isEqualTo(400);
    assertThat(engine.await("close").text()).isEqualTo("parse error");
  }

  /** The poll a v3 client sent before its CLOSE packet gets the NOOP in the v3 framing. */
  @Test
  void pollOvertakenByTheClientsClosePacketEndsWithAV3Noop() throws Exception {
    start(true);
    String sid = open("&b64=1");
    assertThat(engine.post(q(sid), "1:1").statusCode()).isEqualTo(200);
    assertThat(engine.await("close").text()).isEqualTo("transport close");
    HttpResponse<String> late = engine.get(q(sid));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body()).isEqualTo("1:6");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
  }
}
