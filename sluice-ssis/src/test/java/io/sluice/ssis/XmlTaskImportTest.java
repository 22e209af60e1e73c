package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML tasks convert to sluice-xml's Xml task and do in a run what SSIS did, on files written here:
 * an XSD validation, an XPath into a variable, a merge of a variable's document and an XSLT into a
 * File connection manager's file. A DTD validation and a Diff stay placeholders, saying why.
 */
class XmlTaskImportTest {

  @TempDir Path dir;

  @Test
  void xmlTasksConvertAndRun() throws Exception {
    Path rates = dir.resolve("rates.xml");
    Files.writeString(
        rates,
        "<rates>\n  <rate currency=\"USD\">1.08</rate>\n  <rate currency=\"GBP\">0.86</rate>\n"
            + "</rates>\n");
    Path xsd = dir.resolve("rates.xsd");
    Files.writeString(
        xsd,
        """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="rates">
            <xs:complexType><xs:sequence>
              <xs:element name="rate" maxOccurs="unbounded">
                <xs:complexType><xs:simpleContent><xs:extension base="xs:decimal">
                  <xs:attribute name="currency" type="xs:string" use="required"/>
                </xs:extension></xs:simpleContent></xs:complexType>
              </xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """);
    Path csv = dir.resolve("rates.csv");
    Path dtsx = dir.resolve("Xml.dtsx");
    Files.writeString(
        dtsx,
        Files.readString(Path.of("src/test/resources/tasks/Xml.dtsx"))
            .replace("RATES_PATH", rates.toString())
            .replace("XSD_PATH", xsd.toString())
            .replace("CSV_PATH", csv.toString()));

    ImportResult imported = SsisImporter.importPackage(dtsx);

    assertThat(imported.report().entries())
        .filteredOn(e -> e.ssisType().equals("Microsoft.XMLTask"))
        .extracting(e -> e.path() + " " + e.outcome())
        .containsExactlyInAnyOrder(
            "\\Package\\Check rates CONVERTED",
            "\\Package\\Count rates CONVERTED",
            "\\Package\\Merge extra CONVERTED",
            "\\Package\\Rates to CSV CONVERTED",
            "\\Package\\Find GBP CONVERTED",
            "\\Package\\Check with DTD PLACEHOLDER",
            "\\Package\\Compare PLACEHOLDER");
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Check with DTD"))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).contains("validates against a DTD"));
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Find GBP"))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).contains("give them in the task's namespaces"));
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Count rates"))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).isNull());
    TaskDefinition count =
        imported.project().packages().get(0).tasks().stream()
            .filter(t -> t.name().equals("Count rates"))
            .findFirst()
            .orElseThrow();
    assertThat(count.type()).isEqualTo("Xml");

    ImportedRun run = ImportedRun.of(dtsx, yaml -> yaml);

    assertThat(run.result().status())
        .as(run.errors().toString())
        .isEqualTo(RunResult.Status.SUCCESS);
    assertThat(Files.readString(csv)).isEqualTo("USD,1.08\nGBP,0.86\nCHF,0.95\n");
  }
}
