package io.sio4j.interop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.testkit.ProjectPaths;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's Java snippets of a section compile as written: each becomes the body of a method,
 * with the section's imports, compiled against the test class path (nothing is run).
 */
class ReadmeSnippetsTest {
  private static final String IMPORTS =
      """
      import io.micrometer.core.instrument.*;
      import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
      import io.sio4j.admin.*;
      import io.sio4j.engine.CorsOptions;
      import io.sio4j.micrometer.SocketIoMetrics;
      import io.sio4j.server.*;
      """;

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"## Metrics with Micrometer", "## Admin UI"})
  void sectionSnippetsCompile(String heading) throws IOException {
    List<String> snippets = snippets(heading);
    assertThat(snippets).isNotEmpty();
    StringBuilder body = new StringBuilder(IMPORTS).append("class Snippets {\n");
    for (int i = 0; i < snippets.size(); i++) {
      // one method per snippet; a later snippet may use the password hash an earlier one made
      body.append("  void snippet").append(i).append("(String hash) throws Exception {\n");
      body.append(snippets.get(i).replace("String hash =", "hash =")).append("\n  }\n");
    }
    body.append("}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    JavaFileObject source =
        new SimpleJavaFileObject(
            URI.create("string:///Snippets.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return body;
          }
        };
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString()),
                null,
                List.of(source))
            .call();
    assertThat(ok).as(errors + "\n" + body).isTrue();
  }

  private static List<String> snippets(String heading) throws IOException {
    String readme = Files.readString(ProjectPaths.root().resolve("README.md"));
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length() + 2);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
