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
 * Reads one YAML file of a project into nodes, with the work bounded (the file's size, its longest
 * line, then {@link BoundedEvents}) and each error placed where its problem starts: an unclosed
 * quote or bracket is reported where it opens, not at the end of the file where SnakeYAML noticed
 * it.
 */
final class YamlReader {

  /**
   * The longest line a file may have. SnakeYAML's reader copies everything it has looked ahead at
   * again for every 1,024 characters it reads, and it looks ahead over a whole value written
   * without a space, a whole comment line or a whole line of a block value: the time a line costs
   * grows with the square of its length. A 2 MiB file that is one line took 3.5 s and 16 GB of
   * allocation to parse (on a busy 2-core machine); in lines of at most 64 Ki characters it takes
   * some 0.1 s. Real lines are far shorter: long SQL goes in a block value ({@code |}) or a file.
   */
  static final int MAX_LINE_CHARACTERS = 64 * 1024;

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
    Problem longLine = longLine(path, text);
    if (longLine != null) {
      problems.add(longLine); // refused before parsing: parsing it is what takes the time
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
      problems.add(syntax(path, e, text, events));
    } catch (YAMLException e) {
      // SnakeYAML's own limits (the same as BoundedEvents', which refuses first) have no position
      problems.add(at(path, events.lastMark(), "YAML syntax: " + e.getMessage()));
    }
    return null;
  }

  /**
   * SnakeYAML's bounds, as a second line behind {@link BoundedEvents} and the file size check. No
   * option bounds the work of one long line (see {@link #MAX_LINE_CHARACTERS}).
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

  /**
   * A syntax error at the problem's position, except when SnakeYAML only noticed it at the end of
   * the file: then where the quote, block or bracket that never closes opens.
   */
  private static Problem syntax(
      String path, MarkedYAMLException e, String text, BoundedEvents events) {
    int end = text.codePointCount(0, text.length());
    Mark problem = e.getProblemMark();
    if (problem == null || problem.getIndex() >= end) {
      Mark context = e.getContextMark();
      if (context != null && context.getIndex() < end && e.getContext() != null) {
        return at(path, context, endsInside(e.getContext()));
      }
      BoundedEvents.Unclosed unclosed = events.unclosedFlow();
      if (unclosed != null) {
        return at(path, unclosed.start(), endsInside(unclosed.list() ? "sequence" : "mapping"));
      }
    }
    return at(
        path, problem != null ? problem : e.getContextMark(), "YAML syntax: " + e.getProblem());
  }

  /** The file ended inside what SnakeYAML's context names ("while scanning a quoted scalar"). */
  private static String endsInside(String context) {
    String what;
    if (context.endsWith("sequence")) {
      what = "a list that starts here; close it with ']'";
    } else if (context.endsWith("mapping")) {
      what = "a mapping that starts here; close it with '}'";
    } else if (context.endsWith("quoted scalar")) {
      what = "a quoted value that starts here; close it";
    } else {
      what = context.replaceFirst("^while (scanning|parsing) ", "") + " that starts here; close it";
    }
    return "YAML syntax: the file ends inside " + what;
  }

  private static Problem at(String path, Mark mark, String message) {
    return new Problem(
        path,
        mark == null ? 0 : mark.getLine() + 1,
        mark == null ? 0 : mark.getColumn() + 1,
        message);
  }

  /** The first line longer than {@link #MAX_LINE_CHARACTERS}, at the character past the limit. */
  private static Problem longLine(String path, String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? '\n' : text.charAt(i);
      if (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
        continue; // YAML's line breaks as SnakeYAML reads them
      }
      if (i - start > MAX_LINE_CHARACTERS) {
        return new Problem(
            path,
            line,
            MAX_LINE_CHARACTERS + 1,
            String.format(
                "line %d is longer than %,d characters, the most a line may hold; break it (a"
                    + " quoted value may go on over several lines, a block value (|) holds many,"
                    + " and long SQL fits in a file of the project: ExecuteSql file:)",
                line, MAX_LINE_CHARACTERS));
      }
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++; // CR LF is one break
      }
      line++;
      start = i + 1;
    }
    return null;
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
