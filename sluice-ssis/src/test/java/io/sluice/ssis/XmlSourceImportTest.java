package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.report.ImportEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An XML Source (XmlSource.dtsx: its file named by a variable, an XSD, one output per element)
 * converts to an XmlSource reading a file connection made for it, its rowPath and attribute columns
 * from the XSD, and loads the rates into an embedded PostgreSQL; without a readable XSD it reads
 * every element of the output's name; XML held in a variable is reported, not converted.
 */
class XmlSourceImportTest {

  static final String XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rates>
        <day date="2026-12-07">
          <rate currency="USD"><value>1.08</value></rate>
          <rate currency="GBP"><value> 0.86 </value><note>closing</note></rate>
        </day>
      </rates>
      """;

  static final String XSD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
        <xs:element name="rates">
          <xs:complexType><xs:sequence>
            <xs:element name="day" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="rate" type="rateType" maxOccurs="unbounded" />
                </xs:sequence>
                <xs:attribute name="date" type="xs:string" />
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:complexType name="rateType">
          <xs:sequence>
            <xs:element name="value" type="xs:decimal" />
            <xs:element name="note" type="xs:string" minOccurs="0" />
          </xs:sequence>
          <xs:attribute name="currency" type="xs:string" />
        </xs:complexType>
      </xs:schema>
      """;

  static EmbeddedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA dbo");
      s.execute("CREATE TABLE dbo.rates (currency varchar(3), rate numeric(10,4), note text)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void anXmlSourceConvertsAndLoadsTheRowsOfItsElement() throws Exception {
    Path dtsx = fixture(true);

    ImportResult imported = SsisImporter.importPackage(dtsx);
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Read rates"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    String yaml = yaml(imported);
    assertThat(yaml)
        .contains("type: XmlSource")
        .contains("connection: Read rates file")
        .contains("rowPath: /rates/day/rate")
        .contains("{name: currency, type: 'DT_WSTR,3', path: \"@currency\"}")
        .contains("{name: Rate, type: 'DT_NUMERIC,10,4', path: value, onError: redirect}")
        .doesNotContain("day_Id")
        .contains("path: \"@[User::RatesFile]\"");

    String url = postgres.getJdbcUrl("postgres", "postgres");
    ImportedRun run =
        ImportedRun.of(
            dtsx, y -> y.replaceFirst("url: [^\\n]*", "url: " + ImportedRun.quoted(url)));
    assertThat(run.result().succeeded())
        .as("%s", run.events().stream().map(e -> e.sourceName() + ": " + e.message()).toList())
        .isTrue();
    assertThat(rows("SELECT currency, rate, note FROM dbo.rates ORDER BY currency"))
        .containsExactly("GBP|0.8600|closing", "USD|1.0800|null");
  }

  @Test
  void withoutItsSchemaTheRowsAreEveryElementOfTheOutputsName() throws Exception {
    Path dtsx = fixture(false);

    String yaml = yaml(SsisImporter.importPackage(dtsx));

    assertThat(yaml)
        .contains("rowPath: //rate")
        .contains("- {name: currency, type: 'DT_WSTR,3'}")
        .doesNotContain("day_Id");
  }

  @Test
  void xmlHeldInAVariableIsReportedNotConverted() throws Exception {
    Path dtsx = fixture(true);
    Files.writeString(
        dtsx, Files.readString(dtsx).replaceFirst("(name=\"AccessMode\"[^>]*>)1<", "$12<"));

    ImportResult imported = SsisImporter.importPackage(dtsx);

    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Read rates"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isNotEqualTo(ImportEntry.Outcome.CONVERTED);
              assertThat(e.note())
                  .contains("reads the XML held in the variable User::RatesFile (AccessMode 2)");
            });
  }

  private Path fixture(boolean withSchema) throws Exception {
    Path xml = dir.resolve("rates.xml");
    Files.writeString(xml, XML);
    Path xsd = dir.resolve("rates.xsd");
    if (withSchema) {
      Files.writeString(xsd, XSD);
    }
    Path dtsx = dir.resolve("XmlSource.dtsx");
    Files.writeString(
        dtsx,
        Files.readString(Path.of("src/test/resources/dataflow/XmlSource.dtsx"))
            .replace("RATES_XML", xml.toString())
            .replace("RATES_XSD", xsd.toString()));
    return dtsx;
  }

  private static String yaml(ImportResult imported) {
    return new String(
        ProjectWriter.write(imported.project()).all().get("packages/XmlSource.yaml"),
        StandardCharsets.UTF_8);
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getObject(1) + "|" + rs.getObject(2) + "|" + rs.getObject(3));
      }
    }
    return out;
  }
}
