package io.sio4j.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's folders from tests, whatever module they run in. */
public final class ProjectPaths {
  private ProjectPaths() {}

  /** The repository root (the folder with the parent {@code pom.xml} and {@code interop/}). */
  public static Path root() {
    String prop = System.getProperty("sio4j.project.root");
    if (prop != null && Files.isDirectory(Path.of(prop, "interop"))) return Path.of(prop);
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("interop")) && Files.exists(p.resolve("pom.xml"))) return p;
      p = p.getParent();
    }
    throw new IllegalStateException(
        "cannot find the sio4j project root from " + Path.of("").toAbsolutePath());
  }

  /** The {@code interop/} folder, which holds the Node scripts and their {@code node_modules}. */
  public static Path interop() {
    return root().resolve("interop");
  }
}
