package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.examples.Container;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the Jakarta host, {@code socket.request()} and the engine middlewares see the servlet
 * request's user (set here by an application filter, as container authentication would) and the
 * application's {@code HttpSession} (created by a login servlet before the handshake), with the npm
 * client over polling and WebSocket. On Netty both stay empty ({@code EngineHooksInteropTest}).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(
    value = Container.class,
    names = {"JETTY", "TOMCAT"})
class ServletRequestInteropTest {
  /** An embedded servlet container. */
  @Parameter Container container;

  private SocketIoServer io;
  private SioClient client;
  private int port;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  @BeforeEach
  void start() {
    io = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    // only signed-in users get a Socket.IO connection: the middleware sees the container's user
    io.engine()
        .use(
            (req, res, next) -> {
              if (req.principal().isPresent() || req.session().isPresent()) next.proceed();
              else res.end(401, "text/plain", "sign in first");
            });
    io.on("connection", connected::complete);
    container.serve(io, ServletRequestInteropTest::application);
    port = io.address().getPort();
    client = new SioClient("http://127.0.0.1:" + port);
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    if (io != null) io.close();
  }

  /** The web application around Socket.IO: an authentication filter and a login servlet. */
  private static void application(ServletContext context) {
    Filter auth =
        (request, response, chain) -> {
          HttpServletRequest http = (HttpServletRequest) request;
          String user = http.getHeader("x-user");
          if (user == null) {
            chain.doFilter(request, response);
            return;
          }
          Principal principal = () -> user;
          chain.doFilter(
              new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                  return principal;
                }
              },
              response);
        };
    FilterRegistration.Dynamic f = context.addFilter("auth", auth);
    f.setAsyncSupported(true);
    f.addMappingForUrlPatterns(null, false, "/*");
    HttpServlet login =
        new HttpServlet() {
          @Override
          protected void doPost(HttpServletRequest req, HttpServletResponse res) {
            req.getSession(true).setAttribute("user", req.getParameter("user"));
            res.setStatus(204);
          }
        };
    context.addServlet("login", login).addMapping("/login");
  }

  private static Map<String, Object> opts(String transport, Map<String, String> headers) {
    Map<String, Object> o = new HashMap<>();
    o.put("transports", List.of(transport));
    o.put("extraHeaders", headers);
    o.put("reconnection", false);
    return o;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void theContainersUserIsTheRequestsPrincipal(String transport) throws Exception {
    client.connected("a", "/", opts(transport, Map.of("x-user", "alice")));
    HandshakeRequest req = connected.get(10, TimeUnit.SECONDS).request();
    assertThat(req.principal()).map(Principal::getName).hasValue("alice");
    // no session is made by the handshake itself
    assertThat(req.session()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void theApplicationsHttpSessionIsTheRequestsSession(String transport) throws Exception {
    String cookie = login("bob");
    assertThat(cookie).startsWith("JSESSIONID=");
    client.connected("a", "/", opts(transport, Map.of("cookie", cookie)));
    HandshakeRequest req = connected.get(10, TimeUnit.SECONDS).request();
    assertThat(req.principal()).isEmpty();
    assertThat(req.session()).containsInstanceOf(HttpSession.class);
    HttpSession session = (HttpSession) req.session().orElseThrow();
    assertThat(session.getAttribute("user")).isEqualTo("bob");
    assertThat(cookie).contains(session.getId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void withoutUserOrSessionTheMiddlewareRefuses(String transport) {
    client.connect("a", "/", opts(transport, Map.of("cookie", "JSESSIONID=forged")));
    JsonNode error = client.await("connect_error", "a");
    if (transport.equals("polling")) {
      assertThat(error.path("status").asInt()).isEqualTo(401);
    } else {
      assertThat(error.path("message").asText()).isEqualTo("websocket error");
    }
    assertThat(connected).isNotDone();
  }

  /** Signs in through the application's own servlet; returns its session cookie. */
  private String login(String user) throws Exception {
    HttpResponse<Void> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + user))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(res.statusCode()).isEqualTo(204);
    String setCookie = res.headers().firstValue("set-cookie").orElseThrow();
    return setCookie.split(";", 2)[0];
  }
}
