package io.sio4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The options of a {@link SocketIoServer}, built with {@link SocketIoServer#builder()}. Defaults
 * are the official server's.
 *
 * <pre>{@code
 * ServerOptions options = io.options();
 * Duration t = options.connectTimeout(); // 45 s unless set
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param host the address to bind, default {@code 0.0.0.0}
 * @param port the port, default 3000; 0 picks a free one
 * @param engine the Engine.IO options (path {@code /socket.io/} by default)
 * @param connectTimeout how long a new connection may stay without joining a namespace (45 s)
 * @param connectionStateRecovery recovery settings, or {@code null} when off (the default)
 * @param cleanupEmptyChildNamespaces whether a dynamic child namespace is removed once empty
 * @param adapterFactory creates each namespace's adapter ({@link InMemoryAdapter} by default)
 * @param parser the Socket.IO packet format (JSON by default)
 * @param mapper the Jackson mapper that writes and binds arguments: the parser's own, one per
 *     server unless the application shares its own
 * @param serveClient whether the browser client bundle is served under the path
 * @param listenerExecutor runs listeners and middlewares instead of the event loop (for blocking
 *     code), one at a time per socket; {@code null} to run them on the event loop (the default)
 */
public record ServerOptions(
    String host,
    int port,
    EngineOptions engine,
    Duration connectTimeout,
    ConnectionStateRecovery connectionStateRecovery,
    boolean cleanupEmptyChildNamespaces,
    AdapterFactory adapterFactory,
    SocketIoParser parser,
    ObjectMapper mapper,
    boolean serveClient,
    Executor listenerExecutor) {

  /** The user's HTTP handler, if one was set through the engine options. */
  public HttpHandler httpHandler() {
    return engine.httpHandler();
  }
}
