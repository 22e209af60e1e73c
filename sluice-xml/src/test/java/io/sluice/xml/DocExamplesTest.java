package io.sluice.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML of docs/package-format.md's Xml section runs as written, on a rates file and schema
 * written here, and the error it shows is the one a user gets.
 */
class DocExamplesTest {

  static final Path DOCS = Path.of("..", "docs", "package-format.md");

  static final String RATES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rates xmlns="urn:example:rates">
        <rate currency="USD">1.08</rate>
        <rate currency="GBP">0.86</rate>
      </rates>
      """;

  static final String XSD =
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:rates"
          elementFormDefault="qualified">
        <xs:element name="rates">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="rate" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:decimal">
                      <xs:attribute name="currency" type="xs:string" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:schema>
      """;

  @TempDir Path dir;

  @Test
  void theXmlTaskExampleValidatesCountsAndWritesTheCsv() throws Exception {
    List<String> blocks = yamlBlocks(section("### Xml (SSIS XML Task)"));
    assertThat(blocks).hasSize(1);
    Files.writeString(dir.resolve("rates.xml"), RATES);
    Files.writeString(dir.resolve("rates.csv"), "yesterday's");

    RecordedEvents events = run(blocks.get(0));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(Files.readString(dir.resolve("rates.csv")))
        .isEqualTo("currency,rate\nUSD,1.08\nGBP,0.86\n");
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(m -> m.contains("rates.xml, connection 'Rates') is valid against"));
  }

  @Test
  void theErrorTheSectionShowsIsTheOneAMalformedFileGives() throws Exception {
    String section = section("### Xml (SSIS XML Task)");
    Files.writeString(dir.resolve("rates.xml"), "<rates>\n  <rate>1.08</rat>\n</rates>\n");

    RecordedEvents events = run(yamlBlocks(section).get(0));

    assertThat(events.result.succeeded()).isFalse();
    String error =
        events.messages(MessageType.ERROR).stream()
            .filter(m -> m.contains("not well-formed"))
            .findFirst()
            .orElseThrow()
            .replace(dir.toString(), "/data");
    String shown = section.substring(section.indexOf("source (/data/rates.xml"));
    shown = shown.substring(0, shown.indexOf("\n```")).replace("\n", " ");
    assertThat(error).endsWith(shown);
  }

  private RecordedEvents run(String mainPackage) {
    String project =
        "name: doc\nconnections:\n"
            + "  - {name: Rates, type: file, path: '%s'}\n".formatted(dir.resolve("rates.xml"))
            + "  - {name: RatesSchema, type: file, path: '%s'}\n".formatted(xsd())
            + "  - {name: RatesCsv, type: file, path: '%s'}\n".formatted(dir.resolve("rates.csv"));
    return TestRuns.run(
        ProjectFiles.of(
            Map.of("project.yaml", bytes(project), "packages/main.yaml", bytes(mainPackage))),
        dir.resolve("jars"),
        "main",
        ParameterValues.none());
  }

  private Path xsd() {
    Path xsd = dir.resolve("rates.xsd");
    try {
      Files.writeString(xsd, XSD);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return xsd;
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
