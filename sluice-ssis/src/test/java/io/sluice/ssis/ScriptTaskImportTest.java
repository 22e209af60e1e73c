package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ssis.report.ImportEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSIS Script task becomes a Script task stub: the same variable lists, a Java body that fails
 * asking for the port, the C# beside it; counted as a placeholder, since it does not run as in
 * SSIS.
 */
class ScriptTaskImportTest {

  private static final String PACKAGE =
      """
      <?xml version="1.0"?>
      <DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"
        DTS:refId="Package" DTS:CreationName="Microsoft.Package"
        DTS:ExecutableType="Microsoft.Package" DTS:ObjectName="Load">
        <DTS:Property DTS:Name="PackageFormatVersion">8</DTS:Property>
        <DTS:Variables>
          <DTS:Variable DTS:Namespace="User" DTS:ObjectName="Path">
            <DTS:VariableValue DTS:DataType="8">in.csv</DTS:VariableValue>
          </DTS:Variable>
          <DTS:Variable DTS:Namespace="User" DTS:ObjectName="Rows">
            <DTS:VariableValue DTS:DataType="3">0</DTS:VariableValue>
          </DTS:Variable>
        </DTS:Variables>
        <DTS:Executables>
          <DTS:Executable DTS:refId="Package\\Count lines"
            DTS:CreationName="Microsoft.ScriptTask"
            DTS:ExecutableType="Microsoft.ScriptTask" DTS:ObjectName="Count lines">
            <DTS:ObjectData>
              <ScriptProject Name="ST_1" Language="CSharp"
                ReadOnlyVariables="User::Path,User::Gone" ReadWriteVariables="User::Rows">
                <ProjectItem Name="ScriptMain.cs" Encoding="UTF8"><![CDATA[
      public partial class ScriptMain {
        public void Main() {
          Dts.Variables["User::Rows"].Value = System.IO.File.ReadAllLines(
              (string)Dts.Variables["User::Path"].Value).Length;
          Dts.TaskResult = (int)ScriptResults.Success;
        }
      }]]></ProjectItem>
              </ScriptProject>
            </DTS:ObjectData>
          </DTS:Executable>
        </DTS:Executables>
      </DTS:Executable>
      """;

  @TempDir Path dir;

  @Test
  void aScriptTaskBecomesAStubWithItsVariablesAndItsCSharpBeside() throws Exception {
    Path dtsx = dir.resolve("Load.dtsx");
    Files.writeString(dtsx, PACKAGE);

    ImportResult result = SsisImporter.importPackage(dtsx);

    TaskDefinition task = result.project().packages().get(0).tasks().get(0);
    String folder = "scripts/Load/Count lines";
    assertThat(task.type()).isEqualTo("Script");
    assertThat(task.properties())
        .containsEntry("readOnlyVariables", List.of("User::Path"))
        .containsEntry("readWriteVariables", List.of("User::Rows"))
        .hasEntrySatisfying(
            "source",
            java ->
                assertThat((String) java)
                    .contains("public class ScriptMain implements Script")
                    .contains("port this script: its C# is in " + folder + "/"));
    assertThat(result.sideFiles())
        .hasEntrySatisfying(
            folder + "/ScriptMain.cs", cs -> assertThat(cs).contains("Dts.TaskResult"));
    ImportEntry entry =
        result.report().entries().stream()
            .filter(e -> e.path().endsWith("Count lines"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.outcome()).isEqualTo(ImportEntry.Outcome.PLACEHOLDER);
    assertThat(entry.todo())
        .contains("port this script")
        .endsWith(
            "it names variables the package does not have, left out of its lists: User::Gone");
    assertThat(result.report().count(ImportEntry.ElementKind.TASK, ImportEntry.Outcome.CONVERTED))
        .isZero();
    assertThat(result.report().count(ImportEntry.ElementKind.TASK, ImportEntry.Outcome.PLACEHOLDER))
        .isOne();

    // the project validates without its side files, as an import in memory has none (the stub
    // compiles), and running it fails asking for the port
    ProjectFiles project = ProjectWriter.write(result.project());
    List<EngineEvent> events = new ArrayList<>();
    RunResult run =
        new PackageRunner(ProjectParser.parse(project), project)
            .run("Load", ParameterValues.none(), RunOptions.defaults(), events::add);

    assertThat(run.succeeded()).isFalse();
    assertThat(events)
        .filteredOn(e -> e.type() == MessageType.ERROR)
        .anySatisfy(
            e -> assertThat(e.message()).contains("port this script: its C# is in " + folder));
  }
}
