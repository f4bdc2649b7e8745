package io.sio4j.consumercheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reactor's modules as the root pom lists them, and which of them are published: every module
 * that keeps its sources and Javadoc jars (the unpublished ones set {@code maven.javadoc.skip}).
 */
final class ReactorModules {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT_ID =
      Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

  private ReactorModules() {}

  static Path root() {
    String root = System.getProperty("sio4j.project.root");
    if (root == null) {
      throw new IllegalStateException("sio4j.project.root is not set (run through Maven)");
    }
    return Path.of(root);
  }

  /** The artifact ids of the published library modules, in reactor order. */
  static List<String> published(Path root) throws IOException {
    List<String> ids = new ArrayList<>();
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    while (modules.find()) {
      String pom = Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"));
      if (pom.contains("<packaging>pom</packaging>")
          || pom.contains("<maven.javadoc.skip>true</maven.javadoc.skip>")) {
        continue;
      }
      Matcher id = ARTIFACT_ID.matcher(pom);
      if (!id.find()) {
        throw new IllegalStateException("no artifactId after <parent> in " + modules.group(1));
      }
      ids.add(id.group(1));
    }
    return ids;
  }
}
