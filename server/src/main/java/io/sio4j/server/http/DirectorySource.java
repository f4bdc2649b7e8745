package io.sio4j.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files below a directory. Symbolic links are followed only when they stay inside the root, so a
 * link cannot expose the rest of the file system. Thread-safe.
 */
final class DirectorySource implements FileSource {
  private final Path root;

  DirectorySource(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("static file root does not exist: " + root, e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException("static file root is not a directory: " + root);
    }
  }

  @Override
  public Found find(String relative) {
    Path candidate = root.resolve(relative).normalize();
    if (!candidate.startsWith(root)) return new Missing();
    try {
      Path real = candidate.toRealPath();
      if (!real.startsWith(root)) return new Missing();
      BasicFileAttributes attrs =
          Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) return new Directory();
      if (!attrs.isRegularFile()) return new Missing();
      return new File(
          real.getFileName().toString(), attrs.size(), attrs.lastModifiedTime().toInstant(), real);
    } catch (IOException e) {
      return new Missing();
    }
  }

  @Override
  public byte[] read(File file) throws IOException {
    return Files.readAllBytes((Path) file.location());
  }
}
