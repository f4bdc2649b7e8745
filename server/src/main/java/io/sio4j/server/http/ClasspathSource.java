package io.sio4j.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Resources below a class path prefix, from folders or jars. Thread-safe. */
final class ClasspathSource implements FileSource {
  private final String prefix;
  private final ClassLoader loader;

  ClasspathSource(String prefix, ClassLoader loader) {
    String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
    this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    this.loader = loader;
  }

  @Override
  public Found find(String relative) {
    URL url = loader.getResource(prefix + relative);
    if (url == null) return new Missing();
    try {
      if ("file".equals(url.getProtocol())) {
        Path path = Path.of(url.toURI());
        if (Files.isDirectory(path)) return new Directory();
        return new File(
            name(relative), Files.size(path), Files.getLastModifiedTime(path).toInstant(), url);
      }
      URLConnection connection = url.openConnection();
      connection.setUseCaches(false);
      if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
        return new Directory();
      }
      long modified = connection.getLastModified();
      return new File(
          name(relative),
          connection.getContentLengthLong(),
          modified > 0 ? Instant.ofEpochMilli(modified) : null,
          url);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return new Missing();
    }
  }

  @Override
  public byte[] read(File file) throws IOException {
    URLConnection connection = ((URL) file.location()).openConnection();
    connection.setUseCaches(false);
    try (InputStream in = connection.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String name(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1);
  }
}
