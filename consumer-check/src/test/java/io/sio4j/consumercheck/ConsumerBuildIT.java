package io.sio4j.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code consumer/} as a user's project: a separate Maven run, outside the reactor, whose
 * local repository holds only what invoker:install staged from this build (the BOM, the library
 * jars, their dependencies). Releases it lacks (Maven's own plugins) come from the outer local
 * repository, read as a remote repository for releases only, so a stale sio4j SNAPSHOT installed
 * there earlier can never stand in for this build's jars. The run is offline: this build has
 * fetched everything it needs already. Runs in the integration-test phase, after the staging (see
 * pom.xml).
 */
class ConsumerBuildIT {
  private static final long TIMEOUT_MINUTES = 5;

  @Test
  void theReadmeQuickStartsCompileAgainstTheBom() throws Exception {
    Path root = ReactorModules.root();
    Path target = Path.of(property("sio4j.consumer.dir"));
    Path project = target.resolve("consumer");
    deleteTree(project);
    Files.createDirectories(project);
    Files.copy(root.resolve("consumer/pom.xml"), project.resolve("pom.xml"));
    Map<String, Path> sources =
        ReadmeQuickStarts.materialize(
            root.resolve("README.md"),
            root.resolve("consumer/quickstarts"),
            project.resolve("src/main/java"));
    Path settings = Files.writeString(project.resolve("settings.xml"), settings());

    List<String> command = new ArrayList<>();
    command.add(Path.of(property("maven.home"), "bin", "mvn").toString());
    command.addAll(
        List.of(
            "-B",
            "-ntp",
            "-s",
            settings.toString(),
            "-Dmaven.repo.local=" + property("sio4j.consumer.localRepo"),
            "-Dsio4j.version=" + property("sio4j.version"),
            // Offline, but reading the file:// repository (the outer local repository): this
            // build has already fetched everything the consumer needs into it.
            "-o",
            "-Daether.offline.protocols=file"));
    for (String property : property("sio4j.consumer.properties").split(",")) {
      command.add("-D" + property.strip());
    }
    command.add("compile");
    Path log = project.resolve("build.log");
    Process mvn =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited = mvn.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!exited) {
      mvn.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(exited).as("the consumer build ended within %d minutes", TIMEOUT_MINUTES).isTrue();
    assertThat(mvn.exitValue())
        .as("the consumer build (%s) succeeded; its log:%n%s", String.join(" ", command), output)
        .isZero();
    assertThat(output).contains("BUILD SUCCESS");
    for (String name : sources.keySet()) {
      assertThat(project.resolve("target/classes/quickstart/" + name + ".class"))
          .as("the README quick start %s compiled", name)
          .exists();
    }
    assertThat(
            Path.of(property("sio4j.consumer.localRepo"))
                .resolve("io/sio4j/sio4j-bom/" + property("sio4j.version")))
        .as("the BOM came from the staged repository")
        .isDirectory();
  }

  private static String settings() {
    String outer = Path.of(property("sio4j.outer.localRepo")).toUri().toString();
    String repository =
        """
          <id>%s</id>
          <url>%s</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        """;
    return """
        <settings>
          <profiles>
            <profile>
              <id>outer-local-repository</id>
              <repositories>
                <repository>
        %s
                </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
        %s
                </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>outer-local-repository</activeProfile></activeProfiles>
        </settings>
        """
        .formatted(
            repository.formatted("outer-local", outer),
            repository.formatted("outer-local-plugins", outer));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(name + " is not set: run this test through Maven");
    }
    return value;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
