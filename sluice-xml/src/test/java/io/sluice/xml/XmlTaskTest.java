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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML task as a package runs it, on XML files written here: each operation, each source type,
 * both destinations, and the errors a user meets (not XML, an invalid document, a bad XPath, an XXE
 * payload).
 */
class XmlTaskTest {

  static final String RATES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <r:rates xmlns:r="urn:rates" day="2026-12-07">
        <r:rate currency="USD">1.08</r:rate>
        <r:rate currency="GBP">0.86</r:rate>
        <r:rate currency="JPY">162.5</r:rate>
      </r:rates>
      """;

  static final String XSD =
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:rates"
          xmlns:r="urn:rates" elementFormDefault="qualified">
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
            <xs:attribute name="day" type="xs:date"/>
          </xs:complexType>
        </xs:element>
      </xs:schema>
      """;

  @TempDir Path dir;
  Path rates;
  Path xsd;

  @BeforeEach
  void files() throws Exception {
    rates = dir.resolve("rates.xml");
    Files.writeString(rates, RATES);
    xsd = dir.resolve("rates.xsd");
    Files.writeString(xsd, XSD);
  }

  @Test
  void xpathEvaluationGoesToAVariableAndValuesAndNodeListsToFiles() throws Exception {
    RecordedEvents events =
        run(
            """
            variables:
              - {name: Count, type: String, value: ""}
            tasks:
              - name: Count
                type: Xml
                operationType: xpath
                source: Rates
                secondOperandType: directInput
                secondOperand: count(/r:rates/r:rate[. > 1])
                namespaces: {r: "urn:rates"}
                destinationType: variable
                destination: User::Count
              - name: Values
                type: Xml
                operationType: xpath
                xpathOperation: values
                source: Rates
                secondOperandType: directInput
                secondOperand: /r:rates/r:rate/@currency
                namespaces: {r: "urn:rates"}
                destinationType: fileConnection
                destination: Values
              - name: Nodes
                type: Xml
                operationType: xpath
                xpathOperation: nodeList
                putResultInOneNode: true
                source: Rates
                secondOperandType: directInput
                secondOperand: "//*[@currency = 'GBP']"
                namespaces: {r: "urn:rates"}
                destinationType: fileConnection
                destination: Nodes
            """
                + dump("Count", "User::Count", "Count"),
            "Values",
            "Nodes");

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(read("Count.out")).isEqualTo("2");
    assertThat(read("Values.out")).isEqualTo("USD\nGBP\nJPY");
    assertThat(read("Nodes.out"))
        .isEqualTo("<root><r:rate currency=\"GBP\" xmlns:r=\"urn:rates\">0.86</r:rate></root>");
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(m -> m.contains("selected 3 node(s)"));
  }

  @Test
  void xsltTransformsAVariablesDocumentIntoAFileAndReplacesItOnlyWithOverwrite() throws Exception {
    String stylesheet =
        """
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:r="urn:rates">
          <xsl:output method="text"/>
          <xsl:template match="/r:rates">
            <xsl:for-each select="r:rate">
              <xsl:value-of select="concat(@currency, ',', ., '&#10;')"/>
            </xsl:for-each>
          </xsl:template>
        </xsl:stylesheet>
        """;
    Files.writeString(dir.resolve("Csv.out"), "old");
    String task =
        """
        variables:
          - {name: Doc, type: String, value: %s}
          - {name: Sheet, type: String, value: %s}
        tasks:
          - name: To CSV
            type: Xml
            operationType: xslt
            sourceType: variable
            source: User::Doc
            secondOperandType: variable
            secondOperand: User::Sheet
            destinationType: fileConnection
            destination: Csv
            overwriteDestination: %s
        """;

    RecordedEvents refused = run(task.formatted(json(RATES), json(stylesheet), "false"), "Csv");
    assertThat(refused.result.succeeded()).isFalse();
    assertThat(refused.all())
        .contains("Csv.out (connection 'Csv') exists")
        .contains("overwriteDestination: true");
    assertThat(read("Csv.out")).isEqualTo("old");

    RecordedEvents events = run(task.formatted(json(RATES), json(stylesheet), "true"), "Csv");
    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(read("Csv.out")).isEqualTo("USD,1.08\nGBP,0.86\nJPY,162.5\n");
  }

  @Test
  void validateWritesTrueForAValidDocumentAndListsEveryErrorWithItsLine() throws Exception {
    Path bad = dir.resolve("bad.xml");
    Files.writeString(
        bad,
        """
        <rates xmlns="urn:rates" day="yesterday">
          <rate currency="USD">1.08</rate>
          <rate>lots</rate>
        </rates>
        """);
    RecordedEvents events =
        run(
            """
            variables:
              - {name: Good, type: String, value: ""}
              - {name: Bad, type: String, value: ""}
            tasks:
              - name: Check good
                type: Xml
                operationType: validate
                source: Rates
                secondOperand: Xsd
                destinationType: variable
                destination: User::Good
              - name: Check bad
                type: Xml
                operationType: validate
                source: Bad
                secondOperand: Xsd
                validationDetails: true
                destinationType: variable
                destination: User::Bad
            """
                + dump("Good", "User::Good", "Check good")
                + dump("Bad", "User::Bad", "Check bad"));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(read("Good.out")).isEqualTo("true");
    assertThat(read("Bad.out"))
        .startsWith("<?xml")
        .contains("<ValidationResult valid=\"false\">")
        .contains("<Error column=\"42\" line=\"1\">cvc-datatype-valid.1.2.1: 'yesterday'")
        .contains("line=\"3\">cvc-datatype-valid.1.2.1: 'lots'")
        .contains("line=\"3\">cvc-complex-type.4: Attribute 'currency' must appear");
    assertThat(events.messages(MessageType.WARNING))
        .anyMatch(m -> m.contains("does not match the schema: 5 errors: line 1, column 42: "));
  }

  @Test
  void aFailingValidationFailsTheTaskNamingTheDocumentAndEachErrorsLine() throws Exception {
    Files.writeString(rates, RATES.replace("0.86", "eighty-six"));
    RecordedEvents events =
        run(
            """
            tasks:
              - name: Check
                type: Xml
                operationType: validate
                source: Rates
                secondOperand: Xsd
                failOnValidationFail: true
            """);

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains("source (" + rates + ", connection 'Rates') does not match the schema")
                    && m.contains("2 errors: line 4, column ")
                    && m.contains("'eighty-six' is not a valid value for 'decimal'"));
  }

  @Test
  void mergePutsTheSecondDocumentsChildrenUnderTheLocation() throws Exception {
    RecordedEvents events =
        run(
            """
            variables:
              - {name: Merged, type: String, value: ""}
            tasks:
              - name: Merge
                type: Xml
                operationType: merge
                source: Rates
                secondOperandType: directInput
                secondOperand: '<more xmlns:r="urn:rates"><r:rate currency="CHF">0.95</r:rate></more>'
                xpathStringSourceType: directInput
                xpathString: /r:rates
                namespaces: {r: "urn:rates"}
                destinationType: variable
                destination: User::Merged
              - name: Count
                type: Xml
                after: Merge
                operationType: xpath
                sourceType: variable
                source: User::Merged
                secondOperandType: directInput
                secondOperand: "string(/r:rates/r:rate[4]/@currency)"
                namespaces: {r: "urn:rates"}
                destinationType: fileConnection
                destination: Out
            """,
            "Out");

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(read("Out.out")).isEqualTo("CHF");
  }

  @Test
  void anXxePayloadIsRefusedAndTheSecretFileIsNeverRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-42");
    Files.writeString(
        rates,
        """
        <?xml version="1.0"?>
        <!DOCTYPE rates [<!ENTITY xxe SYSTEM "%s">]>
        <rates>&xxe;</rates>
        """
            .formatted(secret.toUri()));
    RecordedEvents events =
        run(
            """
            variables:
              - {name: Out, type: String, value: ""}
            tasks:
              - name: Read
                type: Xml
                operationType: xpath
                source: Rates
                secondOperandType: directInput
                secondOperand: string(/rates)
                destinationType: variable
                destination: User::Out
              - name: Transform
                type: Xml
                operationType: xslt
                sourceType: directInput
                source: <a/>
                secondOperandType: directInput
                secondOperand: |
                  <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                    <xsl:template match="/"><xsl:copy-of select="document('%s')"/></xsl:template>
                  </xsl:stylesheet>
                destinationType: variable
                destination: User::Out
            """
                .formatted(dir.resolve("other.xml").toUri()));
    Files.writeString(dir.resolve("other.xml"), "<s>TOP-SECRET-42</s>");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.all()).doesNotContain("TOP-SECRET-42");
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains("source (" + rates + ", connection 'Rates') has a DOCTYPE declaration")
                    && m.contains("line 2"))
        .anyMatch(m -> m.contains("other.xml") && m.contains("which Sluice does not read"));
  }

  @Test
  void aStylesheetCannotCallJavaAndASchemaCannotImportFromTheNetwork() throws Exception {
    Path marker = dir.resolve("ran");
    RecordedEvents events =
        run(
            """
            variables:
              - {name: Out, type: String, value: ""}
            tasks:
              - name: Call Java
                type: Xml
                operationType: xslt
                sourceType: directInput
                source: <a/>
                secondOperandType: directInput
                secondOperand: |
                  <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                      xmlns:f="http://xml.apache.org/xalan/java/java.nio.file.Files"
                      xmlns:p="http://xml.apache.org/xalan/java/java.nio.file.Path">
                    <xsl:template match="/">
                      <xsl:value-of select="f:createFile(p:of('%s'))"/>
                    </xsl:template>
                  </xsl:stylesheet>
                destinationType: variable
                destination: User::Out
              - name: Import schema
                type: Xml
                operationType: validate
                sourceType: directInput
                source: <a/>
                secondOperandType: directInput
                secondOperand: |
                  <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                    <xs:include schemaLocation="http://127.0.0.1:9/evil.xsd"/>
                    <xs:element name="a"/>
                  </xs:schema>
            """
                .formatted(marker));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(marker).doesNotExist();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(m -> m.startsWith("secondOperand (direct input) is not a usable XSLT stylesheet"))
        .anyMatch(
            m ->
                m.startsWith("secondOperand (direct input) is not a usable XSD")
                    && m.contains("evil.xsd"));
  }

  @Test
  void notXmlAndABadXPathFailTheTaskNamingThemAndTheCause() throws Exception {
    Files.writeString(rates, "<rates>\n  <rate>1.08</rat>\n</rates>\n");
    RecordedEvents events =
        run(
            """
            tasks:
              - name: Read
                type: Xml
                operationType: xpath
                source: Rates
                secondOperandType: directInput
                secondOperand: count(//rate)
              - name: Bad XPath
                type: Xml
                operationType: xpath
                sourceType: directInput
                source: <a/>
                secondOperandType: directInput
                secondOperand: //a[
            """);

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains("source (" + rates + ", connection 'Rates') is not well-formed XML:")
                    && m.contains("line 2, column ")
                    && m.contains("\"rate\""))
        .anyMatch(m -> m.contains("secondOperand (direct input): '//a[' is not a valid XPath"));
  }

  @Test
  void whatOnlyTheTaskCanCheckIsReportedBeforeItRuns() {
    RecordedEvents events =
        run(
            """
            tasks:
              - name: Check
                type: Xml
                operationType: validate
                validationType: dtd
                source: Nowhere
              - name: Query
                type: Xml
                operationType: xpath
                sourceType: variable
                source: User::Missing
                secondOperandType: directInput
                secondOperand: /a
                destinationType: variable
              - name: Compare
                type: Xml
                operationType: diff
                source: Rates
            """);

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.all())
        .contains("validationType dtd is not supported")
        .contains("source: connection 'Nowhere' does not exist")
        .contains("'secondOperand' is missing")
        .contains("source: variable 'User::Missing' does not exist")
        .contains("'destinationType' and 'destination' go together")
        .contains("operationType diff (SSIS's Diff) is not supported");
  }

  @Test
  void aMisspeltSettingIsRefusedWithTheNearestName() {
    assertThat(
            problems(
                """
                tasks:
                  - {name: Check, type: Xml, operationType: validate, source: Rates,
                     secondOperandTyp: directInput, secondOperand: <a/>}
                """))
        .singleElement()
        .asString()
        .contains("unknown key 'secondOperandTyp' in an Xml task")
        .contains("did you mean 'secondOperandType'?");
  }

  // ---------------------------------------------------------------------------------------------

  /** A task after {@code after} that writes {@code variable} to NAME.out (a real tee). */
  private String dump(String name, String variable, String after) {
    return """
          - name: Dump %s
            type: ExecuteProcess
            after: %s
            executable: /usr/bin/tee
            arguments: '"%s"'
            standardInputVariable: %s
        """
        .formatted(name, after, out(name), variable);
  }

  private String out(String name) {
    return dir.resolve(name + ".out").toString();
  }

  private String read(String file) throws Exception {
    return Files.readString(dir.resolve(file));
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Connections Rates, Xsd and Bad, and a file connection NAME.out per name in {@code outs}. */
  private Map<String, byte[]> project(String mainPackage, String... outs) {
    StringBuilder connections = new StringBuilder();
    connections.append("  - {name: Rates, type: file, path: '").append(rates).append("'}\n");
    connections.append("  - {name: Xsd, type: file, path: '").append(xsd).append("'}\n");
    connections
        .append("  - {name: Bad, type: file, path: '")
        .append(dir.resolve("bad.xml"))
        .append("'}\n");
    for (String out : outs) {
      connections
          .append("  - {name: ")
          .append(out)
          .append(", type: file, path: '")
          .append(out(out))
          .append("'}\n");
    }
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: xml\nconnections:\n" + connections));
    files.put("packages/main.yaml", bytes(mainPackage));
    return files;
  }

  private RecordedEvents run(String mainPackage, String... outs) {
    return TestRuns.run(
        ProjectFiles.of(project(mainPackage, outs)),
        dir.resolve("jars"),
        "main",
        ParameterValues.none());
  }

  private List<String> problems(String mainPackage) {
    try {
      ProjectParser.parse(ProjectFiles.of(project(mainPackage)));
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
