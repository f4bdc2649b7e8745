package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExamplePagesTest {

  /** A request with its recorded response. */
  private static final class Exchange implements HttpExchange {
    final String method;
    final String path;
    int status;
    Map<String, List<String>> headers;
    byte[] body;

    Exchange(String method, String path) {
      this.method = method;
      this.path = path;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String uri() {
      return path;
    }

    @Override
    public Map<String, String> query() {
      return Map.of();
    }

    @Override
    public String header(String name) {
      return null;
    }

    @Override
    public byte[] body() {
      return new byte[0];
    }

    @Override
    public void respond(int status, Map<String, List<String>> headers, byte[] body) {
      if (this.status != 0) throw new AssertionError("responded twice");
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static Exchange get(ExamplePages pages, String path) {
    Exchange e = new Exchange("GET", path);
    boolean handled = pages.handle(e);
    assertThat(handled).isEqualTo(e.status != 0);
    return e;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello",
        "message",
        "custom-event",
        "client-event",
        "broadcast",
        "welcome",
        "namespace",
        "rooms",
        "errors",
        "chat"
      })
  void everyExampleHasAPageThatLoadsTheBrowserClient(String example) {
    Exchange e = get(new ExamplePages(example), "/");
    assertThat(e.status).isEqualTo(200);
    assertThat(e.headers.get("content-type")).containsExactly("text/html; charset=utf-8");
    assertThat(e.text()).contains("<script src=\"/socket.io/socket.io.js\"></script>");
    assertThat(e.text()).doesNotContain(".innerHTML", "document.write(");
  }

  @Test
  void sharedAndOwnFilesAreServedWithTheirTypes() {
    ExamplePages chat = new ExamplePages("chat");
    assertThat(get(chat, "/chat.js").headers.get("content-type"))
        .containsExactly("text/javascript; charset=utf-8");
    assertThat(get(chat, "/chat.css").headers.get("content-type"))
        .containsExactly("text/css; charset=utf-8");
    Exchange shared = get(new ExamplePages("hello"), "/example.js");
    assertThat(shared.status).isEqualTo(200);
    assertThat(shared.text()).contains("textContent").doesNotContain(".innerHTML");
  }

  @Test
  void theChatScriptNeverWritesMarkup() {
    String js = get(new ExamplePages("chat"), "/chat.js").text();
    assertThat(js)
        .contains("textContent")
        .doesNotContain(
            ".innerHTML", ".outerHTML", "insertAdjacentHTML(", "document.write(", "eval(");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/nope.html",
        "/../logback.xml",
        "/..%2Flogback.xml",
        "/io/sio4j/examples/pages/chat/chat.js",
        "/logback.xml",
        "/chat.JS",
        "//chat.js",
        "/chat.js/",
        "/socket.io/socket.io.js",
        "/.hidden.js"
      })
  void anythingElseIsPassedOn(String path) {
    Exchange e = get(new ExamplePages("chat"), path);
    assertThat(e.status).isZero();
  }

  @Test
  void onlyGet() {
    Exchange post = new Exchange("POST", "/");
    assertThat(new ExamplePages("chat").handle(post)).isFalse();
  }

  @Test
  void folderNamesAreChecked() {
    assertThatThrownBy(() -> new ExamplePages("../x")).isInstanceOf(IllegalArgumentException.class);
  }
}
