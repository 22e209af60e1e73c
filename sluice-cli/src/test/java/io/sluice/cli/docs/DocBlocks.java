package io.sluice.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced {@code ```yaml} blocks of docs/*.md, each with where it is: the page, the line of its
 * first YAML line, the heading it is under and its place among that heading's blocks (1, 2 ...).
 * The heading and place, not the line, are what {@link DocsExamples} names a block by, so that
 * editing a page above an example does not unlink it from its run.
 */
public final class DocBlocks {

  static final Path DOCS = Path.of("..", "docs");

  /** One YAML example. */
  public record Block(String page, int line, String heading, int ordinal, String text) {

    /** {@code docs/data-flow.md:280}, as the inventory names a block. */
    String where() {
      return "docs/" + page + ":" + line;
    }

    @Override
    public String toString() {
      return page + ":" + line + " " + heading.replaceFirst("^#+ ", "");
    }
  }

  private DocBlocks() {}

  public static List<Block> all() {
    List<Block> blocks = new ArrayList<>();
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        blocks.addAll(of(page.getFileName().toString(), Files.readAllLines(page, UTF8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return blocks;
  }

  static List<Block> of(String page, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    int ordinal = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        boolean yaml = line.strip().equals("```yaml");
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        int j = start;
        while (j < lines.size() && !lines.get(j).strip().equals("```")) {
          text.append(lines.get(j)).append('\n');
          j++;
        }
        if (yaml) {
          ordinal++;
          blocks.add(new Block(page, start + 1, heading, ordinal, text.toString()));
        }
        i = j;
      } else if (line.startsWith("#")) {
        heading = line.strip();
        ordinal = 0;
      }
    }
    return blocks;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
