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
  private static final Path OUTPUTS =
      Path.of("src/test/resources/dataflow/ScriptComponentOutputs.dtsx");
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
        .contains("public class ScriptMain extends UserComponent")
        .contains("public void createNewOutputRows() throws Exception")
        .contains("CreateNewOutputRows() -> createNewOutputRows()")
        .contains("PreExecute() -> preExecute()")
        .doesNotContain("PrimeOutput") // SSIS's generated wrapper is not the script
        .contains(
            "output0Buffer (output 'Output 0', SSIS's Output0Buffer), outputColumns: Code"
                + " DT_WSTR,3, Amount DT_I4")
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
        .contains("public void input0ProcessInputRow(Input0Buffer row) throws Exception")
        .contains(
            "Input0_ProcessInputRow(ByVal Row As Input0Buffer) -> input0ProcessInputRow(Input0Buffer"
                + " row)")
        .contains("row (Input0Buffer), input columns it reads: Code")
        .contains("row (Input0Buffer), columns it adds (outputColumns): Label DT_WSTR,20")
        .doesNotContain("endOfInput") // its VB overrides Input0_ProcessInputRow only
        .contains("read-write variables: User::Rows (set them in postExecute)")
        .contains("port this script: its VB is in " + SCRIPTS + "Add label/");
    Map<String, Object> destination = components.get("Check rows"); // written by GUID
    assertThat(destination)
        .containsEntry("role", "destination")
        .containsEntry("input", "Add label")
        .containsEntry("readWriteVariables", List.of("User::Total"))
        .doesNotContainKey("outputColumns");
    assertThat((String) destination.get("source"))
        .contains("input columns it reads: Amount, Label")
        .doesNotContain("outputColumns");

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

  /**
   * Several outputs become {@code outputs:}: a source's second output an asynchronous one with its
   * columns, a transformation's second synchronous output of its exclusion group a {@code
   * synchronous: true} one (the first is the default {@code Output}, its added columns {@code
   * outputColumns}), its asynchronous output one with its columns; each path reads its output by
   * name. The stubs name the typed accessors and buffers the generator makes.
   */
  @Test
  void severalAndAsynchronousOutputsBecomeOutputsThatThePathsReadByName() throws Exception {
    ImportResult result = SsisImporter.importPackage(OUTPUTS);

    Map<String, Map<String, Object>> components = components(packageYaml(result));
    assertThat(components.get("Make rows"))
        .containsEntry(
            "outputColumns",
            List.of(
                Map.of("name", "Code", "type", "DT_WSTR,3"),
                Map.of("name", "Amount", "type", "DT_I4")))
        .containsEntry(
            "outputs",
            List.of(
                Map.of(
                    "name",
                    "Rejects",
                    "columns",
                    List.of(Map.of("name", "Reject Reason", "type", "DT_WSTR,50")))));
    assertThat((String) components.get("Make rows").get("source"))
        .contains(
            "rejectsBuffer (output 'Rejects', SSIS's RejectsBuffer): Reject Reason -> RejectReason"
                + " DT_WSTR,50");
    assertThat(components.get("Split"))
        .containsEntry("input", "Make rows")
        .containsEntry("outputColumns", List.of(Map.of("name", "Label", "type", "DT_WSTR,20")))
        .containsEntry(
            "outputs",
            List.of(
                Map.of("name", "High", "synchronous", true),
                Map.of(
                    "name",
                    "Summary",
                    "columns",
                    List.of(
                        Map.of("name", "Rows", "type", "DT_I4"),
                        Map.of("name", "Total", "type", "DT_I4")))));
    assertThat((String) components.get("Split").get("source"))
        .contains("public class ScriptMain extends UserComponent")
        .contains(
            "Input0_ProcessInput(Input0Buffer Buffer) -> input0ProcessInputRow(Input0Buffer row)"
                + " for each row, and endOfInput() for the end (Buffer.EndOfRowset())")
        .contains("public void input0ProcessInputRow(Input0Buffer row) throws Exception")
        .contains("public void endOfInput() throws Exception")
        .contains("summaryBuffer (output 'Summary', SSIS's SummaryBuffer): Rows DT_I4, Total DT_I4")
        .contains(
            "row.directRowToOutput0() (SSIS's Row.DirectRowToOutput0()), row.directRowToHigh()"
                + " (SSIS's Row.DirectRowToHigh())");
    assertThat(components.get("Keep low")).containsEntry("input", "Split");
    assertThat(components.get("Keep high"))
        .containsEntry("input", Map.of("from", "Split", "output", "High"));
    assertThat(components.get("Keep summary"))
        .containsEntry("input", Map.of("from", "Split", "output", "Summary"));
    assertThat(components.get("Keep rejects"))
        .containsEntry("input", Map.of("from", "Make rows", "output", "Rejects"));
    assertThat((String) components.get("Keep rejects").get("source"))
        .contains("row (Input0Buffer), input columns it reads: Reject Reason -> RejectReason");
    assertThat(entry(result, "\\Package\\Load").outcome()).isEqualTo(Outcome.CONVERTED);
    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ElementKind.COMPONENT)
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.PLACEHOLDER));

    // the project validates (typed stubs compile against their generated buffers), and a run
    // fails at a stub before the first row, asking for the port
    ProjectParser.parse(ProjectWriter.write(result.project()));
    ImportedRun stub = ImportedRun.of(OUTPUTS, yaml -> yaml);
    assertThat(stub.result().status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(stub.errors())
        .anySatisfy(m -> assertThat(m).contains("port this script: its C# is in scripts/"));
  }

  /** Ported with the typed accessors a stub names, the outputs carry the rows SSIS's did. */
  @Test
  void portedTypedStubsRunRowsThroughSeveralAndAsynchronousOutputs() throws Exception {
    String keep =
        """
        public class ScriptMain extends UserComponent {
          @Override
          public void input0ProcessInputRow(Input0Buffer row) {
            events().fireInformation(0, "Keep", %s);
          }
        }
        """;
    Map<String, String> ports =
        Map.of(
            "Make rows",
            """
            public class ScriptMain extends UserComponent {
              @Override
              public void createNewOutputRows() throws Exception {
                String[] codes = {"ARS", "AUD", "BRL"};
                for (int i = 0; i < codes.length; i++) {
                  output0Buffer.addRow();
                  output0Buffer.setCode(codes[i]);
                  output0Buffer.setAmount(10 * (i + 1));
                }
                rejectsBuffer.addRow();
                rejectsBuffer.setRejectReason("no rate for XXX");
              }
            }
            """,
            "Split",
            """
            public class ScriptMain extends UserComponent {
              private int rows;
              private int total;

              @Override
              public void input0ProcessInputRow(Input0Buffer row) {
                row.setLabel("rate " + row.getCode());
                rows++;
                total += row.getAmount();
                if (row.getAmount() >= 20) {
                  row.directRowToHigh();
                } else {
                  row.directRowToOutput0();
                }
              }

              @Override
              public void endOfInput() throws Exception {
                summaryBuffer.addRow();
                summaryBuffer.setRows(rows);
                summaryBuffer.setTotal(total);
              }
            }
            """,
            "Keep low",
            keep.formatted("\"low \" + row.getLabel()"),
            "Keep high",
            keep.formatted("\"high \" + row.getCode() + \" \" + row.getAmount()"),
            "Keep summary",
            keep.formatted("\"summary \" + row.getRows() + \" rows \" + row.getTotal()"),
            "Keep rejects",
            keep.formatted("\"reject \" + row.getRejectReason()"));

    ImportedRun run = ImportedRun.of(OUTPUTS, yaml -> port(yaml, ports));

    assertThat(run.errors()).isEmpty();
    assertThat(run.result().status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(run.rowsInto("Split")).isEqualTo(3);
    assertThat(run.rowsInto("Keep low")).isEqualTo(1);
    assertThat(run.rowsInto("Keep high")).isEqualTo(2);
    assertThat(run.rowsInto("Keep summary")).isEqualTo(1);
    assertThat(run.rowsInto("Keep rejects")).isEqualTo(1);
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.INFORMATION)
        .extracting(e -> e.message())
        .anySatisfy(m -> assertThat(m).contains("Keep: low rate ARS"))
        .anySatisfy(m -> assertThat(m).contains("Keep: high AUD 20"))
        .anySatisfy(m -> assertThat(m).contains("Keep: high BRL 30"))
        .anySatisfy(m -> assertThat(m).contains("Keep: summary 3 rows 60"))
        .anySatisfy(m -> assertThat(m).contains("Keep: reject no rate for XXX"));
  }

  /**
   * A transformation's asynchronous {@code Output 0} cannot keep its name: a transformation's
   * default output is synchronous in Sluice and {@code Output0Buffer} is the default one's. It
   * becomes {@code Output 0 Async}, which the path reads, and Output is left unused.
   */
  @Test
  void anAsynchronousOutput0OfATransformationIsRenamedAndReadByItsNewName() throws Exception {
    Path asynchronous = dir.resolve("Asynchronous.dtsx");
    Files.writeString(
        asynchronous,
        Files.readString(DTSX)
            .replace(
                "synchronousInputId=\"Package\\Load\\Add label.Inputs[Input 0]\"",
                "synchronousInputId=\"0\""));

    ImportResult result = SsisImporter.importPackage(asynchronous);

    Map<String, Map<String, Object>> components = components(packageYaml(result));
    assertThat(components.get("Add label"))
        .doesNotContainKey("outputColumns")
        .containsEntry(
            "outputs",
            List.of(
                Map.of(
                    "name",
                    "Output 0 Async",
                    "columns",
                    List.of(Map.of("name", "Label", "type", "DT_WSTR,20")))));
    assertThat(components.get("Check rows"))
        .containsEntry("input", Map.of("from", "Add label", "output", "Output 0 Async"));
    assertThat((String) components.get("Add label").get("source"))
        .contains(
            "output0AsyncBuffer (output 'Output 0 Async', SSIS's Output0Buffer): Label DT_WSTR,20")
        .contains("its outputs are all asynchronous");
    assertThat(entry(result, "\\Package\\Load").outcome()).isEqualTo(Outcome.CONVERTED);
    assertThat(entry(result, "\\Package\\Load\\Add label").todo())
        .contains("its outputs are all asynchronous");
    ProjectParser.parse(ProjectWriter.write(result.project()));
  }

  /** A source's second output named as a default output of Sluice's ({@code Error}) is renamed. */
  @Test
  void anOutputNamedAsASluiceDefaultOutputIsRenamed() throws Exception {
    Path error = dir.resolve("ErrorNamed.dtsx");
    Files.writeString(
        error, Files.readString(OUTPUTS).replace("name=\"Rejects\">", "name=\"Error\">"));

    ImportResult result = SsisImporter.importPackage(error);

    Map<String, Map<String, Object>> components = components(packageYaml(result));
    assertThat(components.get("Make rows"))
        .containsEntry(
            "outputs",
            List.of(
                Map.of(
                    "name",
                    "Error Async",
                    "columns",
                    List.of(Map.of("name", "Reject Reason", "type", "DT_WSTR,50")))));
    assertThat(components.get("Keep rejects"))
        .containsEntry("input", Map.of("from", "Make rows", "output", "Error Async"));
    assertThat((String) components.get("Make rows").get("source"))
        .contains("errorAsyncBuffer (output 'Error Async', SSIS's ErrorBuffer)");
    ProjectParser.parse(ProjectWriter.write(result.project()));
  }

  /**
   * Synchronous outputs outside one exclusion group each get every row in SSIS; Sluice's are an
   * exclusion group, so the data flow stays a placeholder naming them, the code beside it.
   */
  @Test
  void synchronousOutputsOutsideAnExclusionGroupKeepTheDataFlowAPlaceholder() throws Exception {
    Path noGroup = dir.resolve("NoGroup.dtsx");
    Files.writeString(
        noGroup,
        Files.readString(OUTPUTS)
            .replace(
                "name=\"High\" synchronousInputId=\"Package\\Load\\Split.Inputs[Input 0]\""
                    + " exclusionGroup=\"1\"",
                "name=\"High\" synchronousInputId=\"Package\\Load\\Split.Inputs[Input 0]\""
                    + " exclusionGroup=\"0\""));

    ImportResult result = SsisImporter.importPackage(noGroup);

    ImportEntry split = entry(result, "\\Package\\Load\\Split");
    assertThat(split.outcome()).isEqualTo(Outcome.LEFT_OUT);
    assertThat(split.note())
        .isEqualTo(
            "a Script Component with synchronous outputs outside one exclusion group (Output 0,"
                + " High) has no Sluice form: each would get every row, and Sluice's synchronous"
                + " outputs are SSIS's exclusion group (a row goes where the script directs it)");
    assertThat(split.todo()).endsWith("its C# is in scripts/NoGroup/Load/Split/");
    assertThat(entry(result, "\\Package\\Load").outcome()).isEqualTo(Outcome.PLACEHOLDER);
    assertThat(result.sideFiles()).containsKey("scripts/NoGroup/Load/Split/main.cs");
    ProjectParser.parse(ProjectWriter.write(result.project())); // the placeholder validates
  }

  /**
   * A lone synchronous output in an exclusion group drops the rows the script directs nowhere in
   * SSIS; Sluice sends every row to Output, and the to-do and the stub say so.
   */
  @Test
  void aLoneSynchronousOutputInAnExclusionGroupIsNamedInTheToDo() throws Exception {
    Path grouped = dir.resolve("Grouped.dtsx");
    Files.writeString(
        grouped,
        Files.readString(DTSX)
            .replace(
                "synchronousInputId=\"Package\\Load\\Add label.Inputs[Input 0]\"",
                "synchronousInputId=\"Package\\Load\\Add label.Inputs[Input 0]\""
                    + " exclusionGroup=\"1\""));

    ImportResult result = SsisImporter.importPackage(grouped);

    String note = "its synchronous output is in an exclusion group, where SSIS drops a row";
    assertThat(entry(result, "\\Package\\Load\\Add label").todo()).contains(note);
    assertThat((String) components(packageYaml(result)).get("Add label").get("source"))
        .contains(note)
        .doesNotContain("directRowTo");
    assertThat(entry(result, "\\Package\\Load").outcome()).isEqualTo(Outcome.CONVERTED);
  }

  /**
   * A column the generator would refuse ({@code Class}: its getter would be Java's getClass())
   * gives the by-name stub, with the generator's reason; it validates all the same.
   */
  @Test
  void aColumnTheGeneratorRefusesGivesTheByNameStubSayingWhy() throws Exception {
    Path refused = dir.resolve("Refused.dtsx");
    Files.writeString(
        refused,
        Files.readString(DTSX)
            .replace(
                "Outputs[Output 0].Columns[Code]\" name=\"Code\"",
                "Outputs[Output 0].Columns[Code]\" name=\"Class\""));

    ImportResult result = SsisImporter.importPackage(refused);

    Map<String, Map<String, Object>> components = components(packageYaml(result));
    assertThat((String) components.get("Make rows").get("source"))
        .contains("public class ScriptMain extends ScriptComponent")
        .contains(
            "Its typed accessors cannot be made (column 'Class' of Output0Buffer would have the"
                + " getter getClass(), which is Java's own;")
        .contains("so columns are read and written by name: output0Buffer().addRow()")
        .contains("columns it outputs (outputColumns): Class DT_WSTR,3, Amount DT_I4");
    assertThat((String) components.get("Add label").get("source")) // Class reaches its input
        .contains("public void processInputRow(ScriptRow row) throws Exception")
        .contains("column 'Class' of Input0Buffer would have the getter getClass()");
    // through Add label's synchronous output, though Check rows does not read it
    assertThat((String) components.get("Check rows").get("source"))
        .contains("public class ScriptMain extends ScriptComponent")
        .contains("input columns it reads: Amount, Label");
    ProjectParser.parse(ProjectWriter.write(result.project()));
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
            "rows it sent to its error output: throw from input0ProcessInputRow (onError:"
                + " redirect)");
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
