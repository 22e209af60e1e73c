package io.sluice.engine.project;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file of a project into nodes, with the work bounded (the file's size, then {@link
 * BoundedEvents}), each refusal with its position.
 */
final class YamlReader {

  private YamlReader() {}

  /**
   * The root node of the file's one document; null when there is none (an empty file, no problem
   * added) or when it cannot be read (a problem added).
   *
   * @throws ProjectTooLargeException when {@code content} is over {@link
   *     ProjectFiles#MAX_YAML_FILE_BYTES} (files read from a folder or archive are refused before
   *     they get here; this catches files handed over in memory)
   */
  static Node compose(String path, byte[] content, List<Problem> problems) {
    if (content.length > ProjectFiles.MAX_YAML_FILE_BYTES) {
      throw ProjectFiles.yamlFileTooLarge(path);
    }
    String text = utf8(path, content, problems);
    if (text == null) {
      return null;
    }
    LoaderOptions options = options();
    BoundedEvents events =
        new BoundedEvents(new ParserImpl(new StreamReader(new StringReader(text)), options));
    try {
      return new Composer(events, new Resolver(), options).getSingleNode();
    } catch (BoundedEvents.Refused e) {
      problems.add(at(path, e.getProblemMark(), e.getProblem()));
    } catch (MarkedYAMLException e) {
      problems.add(syntax(e, path));
    } catch (YAMLException e) {
      // SnakeYAML's own limits (the same as BoundedEvents', which refuses first) have no position
      problems.add(at(path, events.lastMark(), "YAML syntax: " + e.getMessage()));
    }
    return null;
  }

  /**
   * SnakeYAML's bounds, as a second line behind {@link BoundedEvents} and the file size check. No
   * option bounds the work of one long line or value (see {@link
   * ProjectFiles#MAX_YAML_FILE_BYTES}).
   */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(
        ProjectFiles.MAX_YAML_FILE_BYTES); // never more code points than bytes
    options.setMaxAliasesForCollections(BoundedEvents.MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(BoundedEvents.MAX_NESTING_DEPTH);
    options.setAllowRecursiveKeys(false);
    // Duplicate keys are reported by YamlMap, with their position; this only guards constructors.
    options.setAllowDuplicateKeys(false);
    return options;
  }

  private static Problem syntax(MarkedYAMLException e, String path) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return at(path, mark, "YAML syntax: " + e.getProblem());
  }

  private static Problem at(String path, Mark mark, String message) {
    return new Problem(
        path,
        mark == null ? 0 : mark.getLine() + 1,
        mark == null ? 0 : mark.getColumn() + 1,
        message);
  }

  /** The text of a file, or null with a problem at the first byte that is not UTF-8. */
  private static String utf8(String path, byte[] content, List<Problem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      problems.add(
          new Problem(
              path,
              line,
              column,
              "is not UTF-8 text (byte 0x"
                  + String.format("%02X", content[in.position()])
                  + "); save the file as UTF-8"));
      return null;
    }
    out.flip();
    return out.toString();
  }
}
