package io.sio4j.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extraction of the README's quick starts, and the BOM's list of modules. */
class ReadmeQuickStartsTest {
  private static final String TEMPLATE =
      "package quickstart;\nfinal class A {\n  void run() {\n    // @README@\n  }\n}\n";

  @Test
  void aMarkedBlockReplacesThePlaceholderIndented() {
    List<ReadmeQuickStarts.Block> blocks =
        ReadmeQuickStarts.blocks(
            "# t\n\n<!-- quickstart: A -->\n```java\nint x = 1;\nif (x > 0) {\n  x++;\n}\n```\n"
                + "\n```java\nunmarked();\n```\n");

    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0).name()).isEqualTo("A");
    assertThat(blocks.get(0).line()).isEqualTo(5);
    assertThat(ReadmeQuickStarts.fill(TEMPLATE, blocks.get(0)))
        .isEqualTo(
            "package quickstart;\nfinal class A {\n  void run() {\n"
                + "    // README.md line 5\n    int x = 1;\n    if (x > 0) {\n      x++;\n    }\n"
                + "    // end of README.md block A\n  }\n}\n");
  }

  @Test
  void aMarkerWithoutAJavaBlockFailsWithTheReadmeLine() {
    assertThatThrownBy(() -> ReadmeQuickStarts.blocks("x\n<!-- quickstart: A -->\ntext\n"))
        .hasMessage("README.md:2: quickstart A is not followed by a ```java block");
    assertThatThrownBy(() -> ReadmeQuickStarts.blocks("<!-- quickstart: A -->\n```java\nx();\n"))
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> ReadmeQuickStarts.blocks("<!-- quickstart: A -->\n```java\n```\n"))
        .hasMessageContaining("A is empty");
    assertThatThrownBy(() -> ReadmeQuickStarts.blocks("<!-- quickstart A -->\n"))
        .hasMessageContaining("README.md:1: malformed marker");
    assertThatThrownBy(
            () ->
                ReadmeQuickStarts.blocks(
                    "<!-- quickstart: A -->\n```java\na();\n```\n"
                        + "<!-- quickstart: A -->\n```java\nb();\n```\n"))
        .hasMessageContaining("A marked twice");
  }

  @Test
  void aTemplateNeedsExactlyOnePlaceholder() {
    ReadmeQuickStarts.Block block = new ReadmeQuickStarts.Block("A", "x();", 3);
    assertThatThrownBy(() -> ReadmeQuickStarts.fill("class A {}\n", block))
        .hasMessageContaining("exactly one // @README@");
  }

  @Test
  void markersAndTemplatesMustMatch(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("A.java"), TEMPLATE);
    Files.writeString(templates.resolve("Gone.java"), TEMPLATE);
    Path readme =
        Files.writeString(
            dir.resolve("README.md"),
            "<!-- quickstart: A -->\n```java\nx();\n```\n<!-- quickstart: New -->\n```java\ny();\n```\n");

    assertThatThrownBy(() -> ReadmeQuickStarts.materialize(readme, templates, dir.resolve("src")))
        .hasMessageContaining("without a template in")
        .hasMessageContaining("[New]")
        .hasMessageContaining("templates without a README block: [Gone]");
  }

  @Test
  void theRealReadmeHasABlockForEveryTemplate(@TempDir Path dir) throws Exception {
    Path root = ReactorModules.root();
    var written =
        ReadmeQuickStarts.materialize(
            root.resolve("README.md"), root.resolve("consumer/quickstarts"), dir);

    assertThat(written)
        .containsKeys(
            "ServerQuickStart",
            "ClientQuickStart",
            "MetricsQuickStart",
            "AdminUiQuickStart",
            "AdminUiHostedQuickStart",
            "ChatController",
            "PostgresQuickStart");
    assertThat(Files.readString(written.get("ServerQuickStart")))
        .contains("SocketIoServer.create(3000)")
        .doesNotContain(ReadmeQuickStarts.PLACEHOLDER);
    assertThat(Files.readString(written.get("ChatController")))
        .as("the Spring quick start is a whole source file under the template's package")
        .startsWith("package quickstart;")
        .contains("@SocketIoController(namespace = \"/chat\")")
        .contains("public class ChatController");
  }

  @Test
  void theBomManagesEveryPublishedModuleAtTheReactorVersion() throws Exception {
    Path root = ReactorModules.root();
    String bom = Files.readString(root.resolve("bom/pom.xml"));
    List<String> published = ReactorModules.published(root);

    assertThat(published)
        .contains(
            "sio4j-server",
            "sio4j-client",
            "sio4j-protocol",
            "sio4j-adapter-postgres",
            "sio4j-spring-boot-autoconfigure",
            "sio4j-spring-boot-starter");
    assertThat(published)
        .doesNotContain(
            "sio4j-examples", "sio4j-spring-chat", "sio4j-interop", "sio4j-consumer-check");
    for (String id : published) {
      assertThat(bom)
          .as("bom/pom.xml manages the published module %s", id)
          .contains(
              "<artifactId>" + id + "</artifactId>\n        <version>${project.version}</version>");
    }
    Matcher managed = Pattern.compile("<artifactId>(sio4j-[^<]+)</artifactId>").matcher(bom);
    while (managed.find()) {
      if (!managed.group(1).equals("sio4j-bom")) {
        assertThat(published).as("the bom lists only published modules").contains(managed.group(1));
      }
    }
    assertThat(bom)
        .as("the bom's version is the reactor's")
        .contains(
            "<artifactId>sio4j-bom</artifactId>\n  <version>"
                + System.getProperty("sio4j.version")
                + "</version>");
  }
}
