package io.sluice.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML Source in a data flow, on files written here: rows from repeating elements with
 * attribute, child and nested columns typed as declared, conversion failures to the Error output, a
 * file too large to matter read as a stream, and the errors of a bad file.
 */
class XmlSourceTest {

  static final String RATES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rates xmlns="urn:example:rates">
        <day date="2026-12-07">
          <rate currency="USD"><value>1.08</value><source name="ECB"/></rate>
          <rate currency="GBP"><value> 0.86 </value><note>closing</note></rate>
          <rate currency="JPY"><value>lots</value></rate>
          <rate currency="CHF"><value><![CDATA[0.95]]></value></rate>
        </day>
      </rates>
      """;

  @TempDir Path dir;

  @Test
  void repeatingElementsBecomeTypedRowsAndABadValueGoesToTheErrorOutput() throws Exception {
    Files.writeString(dir.resolve("rates.xml"), RATES);

    RecordedEvents events = run(flow("onError: redirect"));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(Files.readString(dir.resolve("out.csv")))
        .isEqualTo(
            "Currency,Rate,Source,Note\r\n"
                + "USD,1.0800,ECB,\r\n"
                + "GBP,0.8600,,closing\r\n"
                + "CHF,0.9500,,\r\n");
    assertThat(Files.readString(dir.resolve("rejects.csv")))
        .startsWith("Currency,Rate,Source,Note,ErrorCode,ErrorColumn\r\n")
        .contains("JPY,,,,")
        .endsWith(",Rate\r\n");
  }

  @Test
  void aRowPathWithTwoSlashesFindsTheElementAtAnyDepth() throws Exception {
    Files.writeString(
        dir.resolve("rates.xml"),
        RATES.replace(
            "</rates>",
            "  <late><rate currency=\"SEK\"><value>11.2</value></rate></late>\n</rates>"));

    RecordedEvents events =
        run(flow("onError: redirect").replace("rowPath: /rates/day/rate", "rowPath: //rate"));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(Files.readString(dir.resolve("out.csv")))
        .isEqualTo(
            "Currency,Rate,Source,Note\r\n"
                + "USD,1.0800,ECB,\r\n"
                + "GBP,0.8600,,closing\r\n"
                + "CHF,0.9500,,\r\n"
                + "SEK,11.2000,,\r\n");
  }

  @Test
  void aBadValueFailsTheFlowNamingTheColumnAndTheLineByDefault() throws Exception {
    Files.writeString(dir.resolve("rates.xml"), RATES);

    RecordedEvents events = run(flow(""));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(m -> m.contains("column 'Rate'") && m.contains("lots") && m.contains("(line 6)"));
  }

  @Test
  void aLargeFileIsReadAsAStream() throws Exception {
    StringBuilder xml = new StringBuilder("<rates><day>");
    for (int i = 0; i < 200_000; i++) {
      xml.append("<rate currency=\"C")
          .append(i % 1000)
          .append("\"><value>")
          .append(i)
          .append(".5</value></rate>\n");
    }
    Files.writeString(dir.resolve("rates.xml"), xml.append("</day></rates>"));

    RecordedEvents events = run(flow(""));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(m -> m.endsWith("rates.xml\": 200000 rows read."));
  }

  @Test
  void aDoctypeAndMalformedXmlFailNamingTheFileAndLine() throws Exception {
    Files.writeString(
        dir.resolve("rates.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rates [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<rates><day><rate currency=\"A\"><value>&x;</value></rate></day></rates>\n");
    RecordedEvents doctype = run(flow(""));
    assertThat(doctype.result.succeeded()).isFalse();
    assertThat(doctype.all()).doesNotContain("root:");
    assertThat(doctype.messages(MessageType.ERROR))
        .anyMatch(m -> m.contains("rates.xml\" line 2") && m.contains("DOCTYPE"));

    Files.writeString(dir.resolve("rates.xml"), "<rates><day>\n<rate currency=\"A\"></rat>");
    RecordedEvents malformed = run(flow(""));
    assertThat(malformed.result.succeeded()).isFalse();
    assertThat(malformed.messages(MessageType.ERROR))
        .anyMatch(m -> m.contains("rates.xml\" line 2") && m.contains("not well-formed XML"));
  }

  @Test
  void aMisspeltSettingIsRefusedWhereItIsWritten() {
    String flow = flow("").replace("rowPath:", "rowPth:");
    try {
      ProjectParser.parse(ProjectFiles.of(files(flow)));
      throw new AssertionError("the project was accepted");
    } catch (ProjectFormatException e) {
      assertThat(e.problems())
          .extracting(Problem::toString)
          .anyMatch(p -> p.contains("unknown setting 'rowPth' in an XmlSource component"));
    }
  }

  @Test
  void theDocsExampleRunsAsWritten() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "data-flow.md"));
    String section = doc.substring(doc.indexOf("### XmlSource (SSIS XML Source)"));
    String block =
        section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", 10));
    Files.writeString(dir.resolve("rates.xml"), RATES);
    String component = block.strip().indent(6);

    RecordedEvents events =
        run(
            """
            tasks:
              - name: Load
                type: DataFlow
                components:
            %s
                  - {name: Write, type: FlatFileDestination, input: Read rates, connection: Out}
                  - name: Write rejects
                    type: FlatFileDestination
                    input: {from: Read rates, output: Error}
                    connection: Rejects
            """
                .formatted(component));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("out.csv"))).hasSize(1 + 3);
    assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).hasSize(1 + 1);
  }

  /** A flow from rates.xml to out.csv, its Error output to rejects.csv. */
  private static String flow(String onError) {
    return """
        tasks:
          - name: Load
            type: DataFlow
            components:
              - name: Read rates
                type: XmlSource
                connection: Rates
                rowPath: /rates/day/rate
                %s
                columns:
                  - {name: Currency, type: 'DT_WSTR,3', path: '@currency'}
                  - {name: Rate, type: 'DT_NUMERIC,10,4', path: value}
                  - {name: Source, type: 'DT_WSTR,10', path: source/@name}
                  - {name: Note, type: 'DT_WSTR,20', path: note}
              - {name: Write, type: FlatFileDestination, input: Read rates, connection: Out, overwrite: true}
              - name: Write rejects
                type: FlatFileDestination
                input: {from: Read rates, output: Error}
                connection: Rejects
                overwrite: true
        """
        .formatted(onError);
  }

  private Map<String, byte[]> files(String mainPackage) {
    String project =
        "name: xmlsource\nconnections:\n"
            + "  - {name: Rates, type: file, path: '%s'}\n".formatted(dir.resolve("rates.xml"))
            + "  - {name: Out, type: flatFile, file: '%s', headerRow: true}\n"
                .formatted(dir.resolve("out.csv"))
            + "  - {name: Rejects, type: flatFile, file: '%s', headerRow: true}\n"
                .formatted(dir.resolve("rejects.csv"));
    return Map.of("project.yaml", bytes(project), "packages/main.yaml", bytes(mainPackage));
  }

  private RecordedEvents run(String mainPackage) {
    return TestRuns.run(
        ProjectFiles.of(files(mainPackage)), dir.resolve("jars"), "main", ParameterValues.none());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
