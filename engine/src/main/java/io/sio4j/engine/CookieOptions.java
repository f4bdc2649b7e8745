package io.sio4j.engine;

/**
 * The cookie that carries the session id on the handshake response (for sticky load balancing).
 *
 * @param name cookie name, {@code io} by default
 * @param path cookie path, {@code /} by default
 * @param httpOnly whether the cookie is HttpOnly
 * @param sameSite {@code Strict}, {@code Lax} or {@code None}
 */
public record CookieOptions(String name, String path, boolean httpOnly, String sameSite) {
  /** The official defaults: {@code io}, path {@code /}, HttpOnly, SameSite=Lax. */
  public static CookieOptions defaults() {
    return new CookieOptions("io", "/", true, "Lax");
  }
}
