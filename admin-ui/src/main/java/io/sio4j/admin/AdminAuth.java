package io.sio4j.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Middleware;
import io.sio4j.server.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin namespace's basic authentication, as the official server does it: the CONNECT auth
 * carries {@code username} and {@code password} (checked against the bcrypt hash) or a {@code
 * sessionId} handed out by an earlier login; a login that succeeds gets a new session id, sent as
 * the {@code session} event once connected. A failure is the connect error {@code invalid
 * credentials}.
 *
 * <p>Threading: thread-safe. bcrypt is slow on purpose, so it runs on the common pool, never on the
 * event loop. Session ids live in memory on this node (the official default store).
 */
final class AdminAuth implements Middleware {
  static final String SESSION_KEY = "_adminSession";
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.admin");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String username;
  private final byte[] hash;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final Executor hashing = ForkJoinPool.commonPool();

  AdminAuth(String username, String hash) {
    this.username = username;
    this.hash = hash.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(Socket socket, Next next) {
    var auth = socket.handshake().auth();
    String sessionId = auth.path("sessionId").asText(null);
    if (sessionId != null && sessions.contains(sessionId)) {
      log.debug("admin socket {}: authenticated with a session id", socket.id());
      next.proceed();
      return;
    }
    String user = auth.path("username").asText(null);
    String password = auth.path("password").asText(null);
    if (user == null || password == null || !user.equals(username)) {
      next.fail(new ConnectError("invalid credentials"));
      return;
    }
    hashing.execute(
        () -> {
          boolean ok;
          try {
            ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash).verified;
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) {
            log.debug("admin socket {}: invalid credentials", socket.id());
            next.fail(new ConnectError("invalid credentials"));
            return;
          }
          byte[] id = new byte[8];
          RANDOM.nextBytes(id);
          String session = HexFormat.of().formatHex(id);
          sessions.add(session);
          socket.data().put(SESSION_KEY, session);
          next.proceed();
        });
  }
}
