package io.sluice.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The YAML of docs/package-format.md's Ftp, ftp and sftp sections is what runs: the Ftp task's
 * example is part of examples/ftp-transfer (which FtpTransferExampleTest runs with sluice run), and
 * the sftp connection parses as written.
 */
class DocExamplesTest {

  static final Path DOCS = Path.of("..", "docs", "package-format.md");
  static final Path EXAMPLE = Path.of("..", "examples", "ftp-transfer");

  @Test
  void theFtpTaskExampleIsTheRunnableExamplesPackage() throws Exception {
    List<String> blocks = yamlBlocks(section("### Ftp (SSIS FTP Task)"));
    assertThat(blocks).hasSize(1);
    List<String> example = Files.readAllLines(EXAMPLE.resolve("packages/fetch.yaml"));
    for (String line : blocks.get(0).split("\n")) {
      assertThat(example).as("examples/ftp-transfer/packages/fetch.yaml").contains(line);
    }
  }

  @Test
  void theSftpConnectionExampleParses() throws Exception {
    List<String> blocks = yamlBlocks(section("### sftp (SFTP server; no SSIS connection manager)"));
    assertThat(blocks).hasSize(1);
    ProjectParser.parse(
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                bytes(
                    "name: doc\nparameters:\n"
                        + "  - {name: Password, type: String, sensitive: true}\n"
                        + blocks.get(0)),
                "packages/main.yaml",
                bytes(
                    "tasks:\n  - {name: Drop, type: Ftp, connection: Archive,"
                        + " operation: deleteRemote, remotePath: /x}\n"))));
  }

  private static String section(String heading) throws Exception {
    String doc = Files.readString(DOCS);
    int start = doc.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = doc.indexOf("\n### ", start + heading.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static List<String> yamlBlocks(String text) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
