package io.sio4j.server.http;

/**
 * Checks the file part of a request path before it goes near a file system or class loader: rejects
 * {@code .} and {@code ..} segments (also once percent-decoded, since the engine hands us decoded
 * paths), backslashes, NUL and other control characters, and drive letters. Stateless and
 * thread-safe.
 */
final class RequestPaths {
  private RequestPaths() {}

  /**
   * The relative path when safe (no leading slash, empty for the mount root), else null.
   *
   * @param relative the request path below the mount point, without its leading slash
   */
  static String safeRelative(String relative) {
    if (relative.isEmpty()) return relative;
    if (relative.startsWith("/")) return null; // "//etc/passwd": absolute after the mount
    for (int i = 0; i < relative.length(); i++) {
      char c = relative.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') return null;
    }
    String[] segments = relative.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals(".") || s.equals("..")) return null;
      if (s.isEmpty() && i < segments.length - 1) return null; // "a//b"
      if (s.length() >= 2 && s.charAt(1) == ':' && Character.isLetter(s.charAt(0))) return null;
      if (s.contains("%2e") || s.contains("%2E") || s.contains("%2f") || s.contains("%2F")) {
        return null; // double-encoded traversal attempts
      }
    }
    return relative;
  }
}
