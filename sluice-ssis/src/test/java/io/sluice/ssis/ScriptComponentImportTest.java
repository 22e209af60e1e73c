package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSIS Script Components become ScriptComponent stubs in a converted data flow: the role, the
 * variables, the columns they add with their SSIS types, Java that fails asking for the port, the
 * C# and VB beside the project, each counted as a placeholder. With the stubs' bodies replaced by a
 * Java port, the flow runs rows from the source through the transformation into the destination.
 */
class ScriptComponentImportTest {

  private static final Path DTSX = Path.of("src/test/resources/dataflow/ScriptComponents.dtsx");
  private static final String SCRIPTS = "scripts/ScriptComponents/Load/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void scriptComponentsBecomeStubsWithTheirRolesVariablesAndColumns() throws Exception {
    ImportResult result = SsisImporter.importPackage(DTSX);

    Map<String, Map<String, Object>> components = components(packageYaml(result));
    assertThat(components).containsOnlyKeys("Make rows", "Add label", "Check rows");
    Map<String, Object> source = components.get("Make rows");
    assertThat(source)
        .containsEntry("type", "ScriptComponent")
        .containsEntry("role", "source")
        .doesNotContainKey("input")
        .containsEntry("readOnlyVariables", List.of("User::Prefix")) // User::Gone is not there
        .doesNotContainKey("readWriteVariables")
        .containsEntry(
            "outputColumns",
            List.of(
                Map.of("name", "Code", "type", "DT_WSTR,3"),
                Map.of("name", "Amount", "type", "DT_I4")));
    assertThat((String) source.get("source"))
        .contains("public class ScriptMain extends ScriptComponent")
        .contains("public void createNewOutputRows() throws Exception")
        .contains("CreateNewOutputRows() -> createNewOutputRows()")
        .contains("PreExecute() -> preExecute()")
        .doesNotContain("PrimeOutput") // SSIS's generated wrapper is not the script
        .contains("columns it outputs (outputColumns): Code DT_WSTR,3, Amount DT_I4")
        .contains(
            "throw new UnsupportedOperationException(\"port this script: its C# is in "
                + SCRIPTS
                + "Make rows/\")");
    Map<String, Object> transformation = components.get("Add label");
    assertThat(transformation)
        .containsEntry("role", "transformation")
        .containsEntry("input", "Make rows")
        .containsEntry("readOnlyVariables", List.of("User::Prefix"))
        .containsEntry("readWriteVariables", List.of("User::Rows"))
        .containsEntry("outputColumns", List.of(Map.of("name", "Label", "type", "DT_WSTR,20")))
        .doesNotContainKey("onError");
    assertThat((String) transformation.get("source"))
        .contains("public void processInputRow(ScriptRow row) throws Exception")
        .contains("Input0_ProcessInputRow(ByVal Row As Input0Buffer) -> processInputRow(ScriptRow")
        .contains("input columns it reads: Code")
        .contains("read-write variables: User::Rows (set them in postExecute)")
        .contains("port this script: its VB is in " + SCRIPTS + "Add label/");
    Map<String, Object> destination = components.get("Check rows"); // written by GUID
    assertThat(destination)
        .containsEntry("role", "destination")
        .containsEntry("input", "Add label")
        .containsEntry("readWriteVariables", List.of("User::Total"))
        .doesNotContainKey("outputColumns");
    assertThat((String) destination.get("source"))
        .contains("input columns it reads: Amount, Label");

    // the originals beside the project, the generated wrapper too (it is what SSDT shows)
    assertThat(result.sideFiles())
        .containsKeys(
            SCRIPTS + "Make rows/main.cs",
            SCRIPTS + "Make rows/ComponentWrapper.cs",
            SCRIPTS + "Check rows/main.cs")
        .hasEntrySatisfying(
            SCRIPTS + "Add label/main.vb", vb -> assertThat(vb).contains("Me.Variables.Rows"));

    // each counted as a placeholder with the port to do; the data flow itself is converted
    List<ImportEntry> entries = result.report().entries();
    assertThat(entries)
        .filteredOn(e -> e.kind() == ElementKind.COMPONENT)
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.PLACEHOLDER);
              assertThat(e.note()).contains("whose Java fails until ported");
              assertThat(e.todo()).startsWith("port this script: its ");
            });
    assertThat(entries)
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Make rows"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.todo())
                    .endsWith(
                        "it names variables the package does not have, left out of its lists:"
                            + " User::Gone"));
    assertThat(entries)
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Check rows"))
        .extracting(ImportEntry::ssisType)
        .containsExactly(
            "Microsoft.SqlServer.Dts.Pipeline.ScriptComponentHost"
                + " {33D831DE-5DCF-48F0-B431-4D327B9E785D}");
    assertThat(entries)
        .filteredOn(e -> e.path().equals("\\Package\\Load"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED));
    assertThat(ImportReportMarkdown.render(result.report()))
        .contains("3 placeholder components fail until ported")
        .contains(
            "| ScriptComponents | `\\Package\\Load\\Add label` | Microsoft.ManagedComponentHost |"
                + " placeholder component | a Script Component's VB cannot run in Sluice; it is a"
                + " ScriptComponent transformation whose Java fails until ported | port this"
                + " script: its VB is in "
                + SCRIPTS
                + "Add label/;");

    // the project validates (the stubs compile), and a run fails at a stub, asking for the port
    ProjectParser.parse(ProjectWriter.write(result.project()));
    ImportedRun stub = ImportedRun.of(DTSX, yaml -> yaml);
    assertThat(stub.result().status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(stub.errors())
        .anySatisfy(
            m ->
                assertThat(m) // the first of the three to start fails the flow
                    .containsPattern(
                        "the script failed at ScriptMain\\.java:\\d+: .*port this script: its"
                            + " (C#|VB) is in "
                            + SCRIPTS));
  }

  @Test
  void portedStubsRunTheRowsThroughTheFlowTheyAreWiredInto() throws Exception {
    Map<String, String> ports =
        Map.of(
            "Make rows",
            """
            import io.sluice.api.script.*;

            public class ScriptMain extends ScriptComponent {
              @Override
              public void createNewOutputRows() throws Exception {
                output0Buffer().addRow();
                output0Buffer().setString("Code", "ARS");
                output0Buffer().set("Amount", 10);
                output0Buffer().addRow();
                output0Buffer().setString("Code", "AUD");
                output0Buffer().set("Amount", 20);
              }
            }
            """,
            "Add label",
            """
            import io.sluice.api.script.*;

            public class ScriptMain extends ScriptComponent {
              private int rows;

              @Override
              public void processInputRow(ScriptRow row) {
                row.setString("Label", variables().get("User::Prefix", String.class)
                    + row.getString("Code"));
                rows++;
              }

              @Override
              public void postExecute() {
                variables().set("User::Rows", rows);
              }
            }
            """,
            "Check rows",
            """
            import io.sluice.api.script.*;

            public class ScriptMain extends ScriptComponent {
              private int total;

              @Override
              public void processInputRow(ScriptRow row) {
                total += row.getInt("Amount");
                events().fireInformation(0, "Check", row.getString("Label") + "=" + row.getInt("Amount"));
              }

              @Override
              public void postExecute() {
                variables().set("User::Total", total);
                events().fireInformation(0, "Check", "total " + total);
              }
            }
            """);

    ImportedRun run = ImportedRun.of(DTSX, yaml -> port(yaml, ports));

    assertThat(run.errors()).isEmpty();
    assertThat(run.result().status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(run.rowsInto("Add label")).isEqualTo(2);
    assertThat(run.rowsInto("Check rows")).isEqualTo(2);
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.INFORMATION)
        .extracting(e -> e.message())
        .anySatisfy(m -> assertThat(m).contains("Check: rate ARS=10"))
        .anySatisfy(m -> assertThat(m).contains("Check: rate AUD=20"))
        .anySatisfy(m -> assertThat(m).contains("Check: total 30"));
  }

  @Test
  void anAsynchronousOrASecondOutputKeepsTheDataFlowAPlaceholderWithItsCodeBeside()
      throws Exception {
    Path asynchronous = dir.resolve("Asynchronous.dtsx");
    Files.writeString(
        asynchronous,
        Files.readString(DTSX)
            .replace(
                "synchronousInputId=\"Package\\Load\\Add label.Inputs[Input 0]\"",
                "synchronousInputId=\"0\""));
    Path twoOutputs = dir.resolve("TwoOutputs.dtsx");
    Files.writeString(
        twoOutputs,
        Files.readString(DTSX)
            .replace(
                "              </outputs>\n            </component>\n            <component"
                    + " refId=\"Package\\Load\\Add label\"",
                "                <output refId=\"Package\\Load\\Make rows.Outputs[Rejects]\""
                    + " name=\"Rejects\" />\n"
                    + "              </outputs>\n            </component>\n            <component"
                    + " refId=\"Package\\Load\\Add label\""));

    ImportEntry async =
        entry(SsisImporter.importPackage(asynchronous), "\\Package\\Load\\Add label");
    ImportResult two = SsisImporter.importPackage(twoOutputs);
    ImportEntry several = entry(two, "\\Package\\Load\\Make rows");

    assertThat(async.outcome()).isEqualTo(Outcome.LEFT_OUT);
    assertThat(async.note())
        .isEqualTo(
            "a Script Component with an asynchronous output (Output 0 (asynchronous, 1 column))"
                + " has no Sluice form yet: Sluice's ScriptComponent has one output, a source's or"
                + " a synchronous transformation's");
    assertThat(async.todo()).endsWith("its VB is in scripts/Asynchronous/Load/Add label/");
    assertThat(several.note())
        .startsWith(
            "a Script Component with several outputs (Output 0 (asynchronous, 2 columns), Rejects"
                + " (asynchronous, 0 columns))");
    ImportEntry flow = entry(two, "\\Package\\Load");
    assertThat(flow.outcome()).isEqualTo(Outcome.PLACEHOLDER);
    assertThat(flow.note()).contains("several outputs");
    assertThat(two.sideFiles()).containsKey("scripts/TwoOutputs/Load/Make rows/main.cs");
    ProjectParser.parse(ProjectWriter.write(two.project())); // the placeholder validates
  }

  /**
   * A transformation whose error output a path reads redirects its failing rows there ({@code
   * onError: redirect}, the reader wired to its {@code Error} output); a source has no error output
   * in Sluice, so one that is read keeps the flow a placeholder.
   */
  @Test
  void anErrorOutputThatIsReadIsTheTransformationsErrorOutput() throws Exception {
    String rejects =
        """
            <component refId="Package\\Load\\Keep rejects" componentClassID="Microsoft.ManagedComponentHost" name="Keep rejects">
              <properties>
                <property name="UserComponentTypeName">Microsoft.ScriptComponentHost</property>
              </properties>
              <inputs>
                <input refId="Package\\Load\\Keep rejects.Inputs[Input 0]" name="Input 0" />
              </inputs>
            </component>
          </components>
          <paths>
            <path refId="Package\\Load.Paths[Rejects]" endId="Package\\Load\\Keep rejects.Inputs[Input 0]" name="Rejects" startId="FROM" />
        """;
    String errorOutput =
        """
                <output refId="OWNER.Outputs[Error]" isErrorOut="true" name="Error" exclusionGroup="1" SYNC>
                  <outputColumns>
                    <outputColumn refId="OWNER.Outputs[Error].Columns[ErrorCode]" dataType="i4" lineageId="OWNER.Outputs[Error].Columns[ErrorCode]" name="ErrorCode" />
                  </outputColumns>
                </output>
              </outputs>
        """;
    String xml = Files.readString(DTSX);
    String label = "Package\\Load\\Add label";
    Path fromTransformation = dir.resolve("Transformation.dtsx");
    Files.writeString(
        fromTransformation,
        withErrorOutput(xml, "Add label", errorOutput, rejects)
            .replace("OWNER", label)
            .replace("SYNC", "synchronousInputId=\"" + label + ".Inputs[Input 0]\"")
            .replace("FROM", label + ".Outputs[Error]"));
    String source = "Package\\Load\\Make rows";
    Path fromSource = dir.resolve("Source.dtsx");
    Files.writeString(
        fromSource,
        withErrorOutput(xml, "Make rows", errorOutput, rejects)
            .replace("OWNER", source)
            .replace("SYNC", "")
            .replace("FROM", source + ".Outputs[Error]"));

    ImportResult transformation = SsisImporter.importPackage(fromTransformation);
    ImportResult sourceResult = SsisImporter.importPackage(fromSource);

    Map<String, Map<String, Object>> components = components(packageYaml(transformation));
    assertThat(components.get("Add label")).containsEntry("onError", "redirect");
    assertThat(components.get("Keep rejects"))
        .containsEntry("role", "destination")
        .containsEntry("input", Map.of("from", "Add label", "output", "Error"));
    assertThat(entry(transformation, "\\Package\\Load\\Add label").todo())
        .contains(
            "rows it sent to its error output: throw from processInputRow (onError: redirect)");
    ProjectParser.parse(ProjectWriter.write(transformation.project()));
    assertThat(entry(sourceResult, "\\Package\\Load\\Make rows").note())
        .isEqualTo(
            "its error output is read by the flow, and a Script Component source has no error"
                + " output in Sluice");
    assertThat(entry(sourceResult, "\\Package\\Load").outcome()).isEqualTo(Outcome.PLACEHOLDER);
  }

  /** The package with an error output added to {@code component} and a component reading it. */
  private static String withErrorOutput(
      String xml, String component, String errorOutput, String reader) {
    int at = xml.indexOf("</outputs>", xml.indexOf("name=\"" + component + "\""));
    String withOutput =
        xml.substring(0, at) + errorOutput.strip() + xml.substring(at + "</outputs>".length());
    int end = withOutput.indexOf("</components>");
    int paths = withOutput.indexOf("<paths>") + "<paths>".length();
    return withOutput.substring(0, end) + reader.strip() + withOutput.substring(paths);
  }

  private static ImportEntry entry(ImportResult result, String path) {
    return result.report().entries().stream()
        .filter(e -> e.path().equals(path))
        .findFirst()
        .orElseThrow();
  }

  private static String packageYaml(ImportResult result) {
    ProjectFiles files = ProjectWriter.write(result.project());
    return new String(
        files.get(ProjectWriter.packagePath(result.project().packages().get(0).name())),
        StandardCharsets.UTF_8);
  }

  /** The data flow's components by name, as the package YAML has them. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> components(String yaml) throws Exception {
    Map<String, Object> pkg = YAML.readValue(yaml, Map.class);
    Map<String, Object> flow = ((List<Map<String, Object>>) pkg.get("tasks")).get(0);
    Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) flow.get("components")) {
      byName.put((String) c.get("name"), c);
    }
    return byName;
  }

  /** The package YAML with each named component's Java replaced, as a person porting it would. */
  @SuppressWarnings("unchecked")
  private static String port(String yaml, Map<String, String> ports) {
    try {
      Map<String, Object> pkg = YAML.readValue(yaml, Map.class);
      Map<String, Object> flow = ((List<Map<String, Object>>) pkg.get("tasks")).get(0);
      for (Map<String, Object> c : (List<Map<String, Object>>) flow.get("components")) {
        String java = ports.get((String) c.get("name"));
        assertThat(java).as("a port for %s", c.get("name")).isNotNull();
        c.put("source", java);
      }
      return YAML.writeValueAsString(pkg);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
