package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dynamic namespace: the template of every namespace whose name it matches ({@code
 * io.of(Pattern.compile("^/dynamic-\\d+$"))}). The first client that connects to a matching name
 * creates the child namespace, which starts with a copy of the parent's middlewares and connection
 * listeners. A broadcast on the parent reaches the sockets of every child.
 *
 * <pre>{@code
 * ParentNamespace dynamic = io.of(Pattern.compile("^/room-\\w+$"));
 * dynamic.on("connection", socket -> socket.emit("welcome", socket.nsp().name()));
 * dynamic.emit("tick"); // every child namespace
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ParentNamespace extends Namespace {
  private final NamespaceMatcher matcher;
  private final Set<Namespace> children = ConcurrentHashMap.newKeySet();

  ParentNamespace(SocketIoServer server, String name, NamespaceMatcher matcher) {
    super(server, name, null, ParentBroadcastAdapter::new);
    this.matcher = matcher;
  }

  /** The child namespaces created so far. */
  public Set<Namespace> children() {
    return Collections.unmodifiableSet(children);
  }

  boolean matches(String name, JsonNode auth) {
    return matcher.matches(name, auth);
  }

  /** A new child with a copy of this parent's middlewares and connection listeners. */
  Namespace createChild(String name) {
    Namespace child = new Namespace(server(), name, this);
    child.middlewares().addAll(middlewares());
    child.connectionListeners().addAll(connectionListeners());
    children.add(child);
    return child;
  }

  void removeChild(Namespace child) {
    children.remove(child);
    server().removeNamespace(child);
  }
}
