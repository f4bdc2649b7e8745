package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether a client may create a dynamic namespace with this name ({@code io.of((name, auth,
 * next) -> ...)} in JavaScript).
 *
 * <pre>{@code
 * ParentNamespace workspaces = io.of((name, auth) -> name.startsWith("/workspace-"));
 * }</pre>
 *
 * <p>Called on the connection's event loop; must not block.
 */
@FunctionalInterface
public interface NamespaceMatcher {

  /** Whether the namespace {@code name} may be created, given the CONNECT auth payload. */
  boolean matches(String name, JsonNode auth);
}
