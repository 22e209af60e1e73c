package io.sluice.engine.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A task's place in its package file, for {@link StructureCheck#problems}. */
final class WrittenTask implements StructureCheck.Written {

  private final YamlMap task;
  private final ProjectFiles files;

  WrittenTask(YamlMap task, ProjectFiles files) {
    this.task = task;
    this.files = files;
  }

  @Override
  public String file() {
    return task.file();
  }

  @Override
  public SourceLocation textStart(String key) {
    Node node = task.has(key) ? task.raw(key) : null;
    if (!(node instanceof ScalarNode scalar)) {
      return null;
    }
    int line = YamlMap.line(scalar);
    int column = YamlMap.column(scalar);
    DumperOptions.ScalarStyle style = scalar.getScalarStyle();
    if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
      // the mark is at the '|'; the text starts on the next line, at the block's indentation
      return new SourceLocation(task.file(), line + 1, blockIndentation(line + 1) + 1);
    }
    boolean quoted =
        style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
            || style == DumperOptions.ScalarStyle.SINGLE_QUOTED;
    return new SourceLocation(task.file(), line, column + (quoted ? 1 : 0));
  }

  /** The indentation of the first non-blank line from {@code line} (1-based) of the file. */
  private int blockIndentation(int line) {
    byte[] bytes = files.get(task.file());
    if (bytes == null) {
      return 0;
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
    for (int i = line - 1; i < lines.length; i++) {
      String text = lines[i];
      if (!text.isBlank()) {
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
          indent++;
        }
        return indent;
      }
    }
    return 0;
  }

  @Override
  public StructureCheck.Written item(String list, int item) {
    if (task.has(list)
        && task.raw(list) instanceof SequenceNode sequence
        && item >= 1
        && item <= sequence.getValue().size()
        && sequence.getValue().get(item - 1) instanceof MappingNode mapping) {
      // its own problem list: the task's reading already reported the item's duplicate keys
      return new WrittenTask(new YamlMap(task.file(), mapping, new ArrayList<>()), files);
    }
    return null;
  }

  @Override
  public byte[] projectFile(String path) {
    return files.get(path);
  }

  @Override
  public Map<String, byte[]> libraries() {
    return files.libraries();
  }
}
