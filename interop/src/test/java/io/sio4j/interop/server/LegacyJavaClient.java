package io.sio4j.interop.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code io.socket:socket.io-client} 1.0.2 (Engine.IO v3, OkHttp 3), loaded from the jars the build
 * copies to {@code target/legacy-java-client} into a classloader of its own, so that it does not
 * meet 2.1.1 and OkHttp 5 on the test classpath. Driven by reflection through its public API:
 * {@code IO.socket(url, options)}, {@code on}, {@code emit} (with an {@code Ack}), {@code connect}.
 */
final class LegacyJavaClient implements AutoCloseable {
  private static final Path JARS = Path.of("target", "legacy-java-client");

  private final URLClassLoader loader;
  private final Object socket;
  private final Class<?> listenerType;
  private final Class<?> ackType;

  /**
   * A socket for {@code url} (with the namespace) over {@code transports}; {@code query} goes into
   * the options (the namespace's query in protocol v4), may be null.
   */
  LegacyJavaClient(String url, List<String> transports, String query) throws Exception {
    if (!Files.isDirectory(JARS)) {
      throw new IllegalStateException(JARS.toAbsolutePath() + " is missing: run the Maven build");
    }
    URL[] urls;
    try (Stream<Path> jars = Files.list(JARS)) {
      urls = jars.map(LegacyJavaClient::url).toArray(URL[]::new);
    }
    if (urls.length < 5) throw new IllegalStateException("legacy client jars missing in " + JARS);
    loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    Class<?> io = loader.loadClass("io.socket.client.IO");
    Class<?> options = loader.loadClass("io.socket.client.IO$Options");
    listenerType = loader.loadClass("io.socket.emitter.Emitter$Listener");
    ackType = loader.loadClass("io.socket.client.Ack");
    Object opts = options.getConstructor().newInstance();
    options.getField("transports").set(opts, transports.toArray(String[]::new));
    options.getField("forceNew").set(opts, true);
    options.getField("reconnection").set(opts, false);
    if (query != null) options.getField("query").set(opts, query);
    socket = io.getMethod("socket", String.class, options).invoke(null, url, opts);
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Listens to {@code event}; an ack callback from the server arrives as {@link RemoteAck}. */
  LegacyJavaClient on(String event, Consumer<Object[]> listener) throws Exception {
    Object proxy =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {listenerType},
            (p, m, a) -> {
              if (!m.getName().equals("call")) return defaultMethod(p, m, a);
              Object[] args = (Object[]) a[0];
              for (int i = 0; i < args.length; i++) {
                if (ackType.isInstance(args[i])) args[i] = new RemoteAck(args[i]);
              }
              listener.accept(args);
              return null;
            });
    socket.getClass().getMethod("on", String.class, listenerType).invoke(socket, event, proxy);
    return this;
  }

  void connect() throws Exception {
    socket.getClass().getMethod("connect").invoke(socket);
  }

  String id() throws Exception {
    return (String) socket.getClass().getMethod("id").invoke(socket);
  }

  void emit(String event, Object... args) throws Exception {
    socket.getClass().getMethod("emit", String.class, Object[].class).invoke(socket, event, args);
  }

  /** Emits with an acknowledgement callback as the last argument. */
  void emitWithAck(String event, Consumer<Object[]> onAck, Object... args) throws Exception {
    Object ack =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {ackType},
            (p, m, a) -> {
              if (!m.getName().equals("call")) return defaultMethod(p, m, a);
              onAck.accept((Object[]) a[0]);
              return null;
            });
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = ack;
    emit(event, all);
  }

  private static Object defaultMethod(Object proxy, Method m, Object[] a) {
    return switch (m.getName()) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == a[0];
      default -> "LegacyJavaClientProxy";
    };
  }

  /** The client's callback for an acknowledgement the server asked for. */
  final class RemoteAck {
    private final Object ack;

    RemoteAck(Object ack) {
      this.ack = ack;
    }

    void call(Object... args) {
      try {
        ackType.getMethod("call", Object[].class).invoke(ack, (Object) args);
      } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      socket.getClass().getMethod("close").invoke(socket);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    } finally {
      loader.close();
    }
  }
}
