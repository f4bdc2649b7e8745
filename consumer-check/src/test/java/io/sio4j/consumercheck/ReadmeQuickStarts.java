package io.sio4j.consumercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README's compiled quick starts. A Java code block preceded by the line {@code <!--
 * quickstart: Name -->} is the body of {@code consumer/quickstarts/Name.java}, a template whose
 * {@code // @README@} line the block replaces (indented as that line). Every marker needs a
 * template and every template a marker, so neither can be dropped silently.
 */
final class ReadmeQuickStarts {
  static final String PLACEHOLDER = "// @README@";
  private static final Pattern MARKER = Pattern.compile("^<!--\\s*quickstart:\\s*(\\S+)\\s*-->$");

  /** One marked block: its template name, its code, and the README line its code starts on. */
  record Block(String name, String code, int line) {}

  private ReadmeQuickStarts() {}

  /** The marked blocks of a README, in order; fails on a marker not followed by a Java block. */
  static List<Block> blocks(String readme) {
    List<String> lines = readme.lines().toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (!m.matches()) {
        if (lines.get(i).strip().startsWith("<!--") && lines.get(i).contains("quickstart")) {
          throw new IllegalArgumentException(
              "README.md:" + (i + 1) + ": malformed marker, write <!-- quickstart: Name -->");
        }
        continue;
      }
      String name = m.group(1);
      int open = i + 1;
      if (open >= lines.size() || !lines.get(open).strip().equals("```java")) {
        throw new IllegalArgumentException(
            "README.md:"
                + (i + 1)
                + ": quickstart "
                + name
                + " is not followed by a ```java block");
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).strip().equals("```")) {
        close++;
      }
      if (close == lines.size()) {
        throw new IllegalArgumentException(
            "README.md:" + (open + 1) + ": the ```java block of " + name + " is never closed");
      }
      String code = String.join("\n", lines.subList(open + 1, close));
      if (code.isBlank()) {
        throw new IllegalArgumentException("README.md:" + (open + 1) + ": " + name + " is empty");
      }
      if (blocks.stream().anyMatch(b -> b.name().equals(name))) {
        throw new IllegalArgumentException("README.md:" + (i + 1) + ": " + name + " marked twice");
      }
      blocks.add(new Block(name, code, open + 2));
      i = close;
    }
    return blocks;
  }

  /** The template with its placeholder line replaced by the block, indented alike. */
  static String fill(String template, Block block) {
    List<String> lines = template.lines().toList();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(PLACEHOLDER)) {
        at.add(i);
      }
    }
    if (at.size() != 1) {
      throw new IllegalArgumentException(
          "template " + block.name() + ".java needs exactly one " + PLACEHOLDER + " line");
    }
    String line = lines.get(at.get(0));
    String indent = line.substring(0, line.indexOf(PLACEHOLDER));
    String body =
        "// README.md line "
            + block.line()
            + "\n"
            + block.code()
            + "\n// end of README.md block "
            + block.name();
    String indented =
        body.lines().map(l -> l.isEmpty() ? l : indent + l).collect(Collectors.joining("\n"));
    List<String> out = new ArrayList<>(lines);
    out.set(at.get(0), indented);
    return String.join("\n", out) + "\n";
  }

  /**
   * Writes the source files: each template filled with its block, into {@code sourceRoot} under the
   * template's package directory ({@code quickstart}). Returns the file per name.
   */
  static Map<String, Path> materialize(Path readme, Path templates, Path sourceRoot) {
    try {
      List<Block> blocks = blocks(Files.readString(readme));
      TreeSet<String> templateNames = templateNames(templates);
      TreeSet<String> blockNames =
          blocks.stream().map(Block::name).collect(Collectors.toCollection(TreeSet::new));
      if (!templateNames.equals(blockNames)) {
        TreeSet<String> noTemplate = new TreeSet<>(blockNames);
        noTemplate.removeAll(templateNames);
        TreeSet<String> noBlock = new TreeSet<>(templateNames);
        noBlock.removeAll(blockNames);
        throw new IllegalStateException(
            "README quick starts without a template in "
                + templates
                + ": "
                + noTemplate
                + "; templates without a README block: "
                + noBlock);
      }
      Path dir = Files.createDirectories(sourceRoot.resolve("quickstart"));
      Map<String, Path> written = new LinkedHashMap<>();
      for (Block block : blocks) {
        String template = Files.readString(templates.resolve(block.name() + ".java"));
        Path file = dir.resolve(block.name() + ".java");
        Files.writeString(file, fill(template, block));
        written.put(block.name(), file);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TreeSet<String> templateNames(Path templates) throws IOException {
    try (Stream<Path> files = Files.list(templates)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".java"))
          .map(n -> n.substring(0, n.length() - ".java".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
