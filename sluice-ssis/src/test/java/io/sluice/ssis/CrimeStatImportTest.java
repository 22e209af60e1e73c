package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.ParameterType;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.project.TaskDefinition.Outcome;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package of the project deployment model (CrimeStat.SSIS, format 8): its project parameters and
 * project connection manager come from the Project.params and .conmgr beside it; Execute SQL with
 * bindings, disabled containers, constraints and event handlers.
 */
class CrimeStatImportTest {

  static final Path FOLDER = Corpus.ROOT.resolve("AndreyQC__CrimeStat.SSIS");

  private static final String URL =
      "jdbc:sqlserver://ECSC00A014AD\\MSSQL2017TM;databaseName=CrimeStat_DEV;"
          + "integratedSecurity=true;authenticationScheme=JavaKerberos";

  @Test
  void masterPackageUsesTheProjectsParametersAndConnection() {
    ImportResult result = SsisImporter.importPackage(FOLDER.resolve("MasterPackage.dtsx"));

    assertThat(result.project().parameters())
        .extracting(ParameterDefinition::name, ParameterDefinition::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "CrimeStatDWH_ConnectionString", ParameterType.STRING),
            org.assertj.core.groups.Tuple.tuple("CrimeStatETLWorkingFolder", ParameterType.STRING));
    assertThat(result.project().parameters().get(1).defaultValue())
        .isEqualTo("\\\\ECSC00A014AD\\shared\\CrimeStat.ETL.WorkFolder\\DEV");
    assertThat(result.project().connections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("CrimeStatDWH");
              assertThat(c.properties()).containsExactly(Map.entry("url", URL));
            });
    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ElementKind.PROPERTY)
        .extracting(ImportEntry::path)
        .contains("\\Project.ConnectionManagers[CrimeStatDWH].Properties[ConnectionString]");

    PackageDefinition p = result.project().packages().get(0);
    assertThat(p.tasks())
        .extracting(TaskDefinition::name, TaskDefinition::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Execute SQL Task", "ExecuteSql"),
            org.assertj.core.groups.Tuple.tuple("SEQC DWH", "Sequence"),
            org.assertj.core.groups.Tuple.tuple("SEQC Preparation", "Sequence"),
            org.assertj.core.groups.Tuple.tuple("SEQC Staging", "Sequence"),
            org.assertj.core.groups.Tuple.tuple("SQL Mark Process complete", "ExecuteSql"));
    TaskDefinition sql = p.tasks().get(0);
    assertThat(sql.properties())
        .containsEntry("connection", "CrimeStatDWH")
        .containsEntry("statement", "exec [etl].[usp_ExecutionHistory_Insert] ?,? OUTPUT")
        .containsEntry(
            "parameters",
            List.of(
                Map.of("variable", "System::ExecutionInstanceGUID"),
                Map.of("variable", "User::sysETLRunId", "direction", "output")));
    assertThat(p.variables())
        .extracting(v -> v.qualifiedName())
        .containsExactly("User::sysETLRunId");

    TaskDefinition dwh = p.tasks().get(1);
    assertThat(dwh.disabled()).isTrue();
    assertThat(dwh.after())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.task()).isEqualTo("SEQC Staging");
              assertThat(c.on()).isEqualTo(Outcome.SUCCESS);
              assertThat(c.expression()).isNull();
            });
    assertThat(dwh.tasks().get(0).tasks())
        .extracting(TaskDefinition::name, TaskDefinition::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dwh_Load_DimCountry", "Unsupported"),
            org.assertj.core.groups.Tuple.tuple("dwh_Load_DimCrimeType", "Unsupported"),
            org.assertj.core.groups.Tuple.tuple("dwh_Load_DimDate", "Unsupported"));
    assertThat((String) dwh.tasks().get(0).tasks().get(0).properties().get("message"))
        .isEqualTo(
            "it runs dwh_Load_DimCountry.dtsx, which is not part of this import. What to do:"
                + " import the project folder or .ispac, so that both packages are in one project");
    assertThat(dwh.tasks().get(1).after())
        .extracting(TaskDefinition.Constraint::task)
        .containsExactly("SEQC Load Dimensions");
    TaskDefinition mark = p.tasks().get(4);
    assertThat(mark.expressions()).containsKey("statement");
    assertThat(mark.expressions().get("statement"))
        .startsWith("\"EXEC  [etl].[usp_ExecutionHistory_Update] '\"");

    List<TaskDefinition> onPost = p.eventHandlers().get("OnPostExecute");
    assertThat(onPost).extracting(TaskDefinition::name).containsExactly("SQL", "SQL Dummy");
    assertThat(onPost.get(0).after())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.task()).isEqualTo("SQL Dummy");
              assertThat(c.on()).isEqualTo(Outcome.SUCCESS);
              // Sluice has no System::SourceID: kept on its value alone, and reported
              assertThat(c.expression()).isNull();
            });
    assertThat(onPost.get(0).expressions()).isEmpty(); // reads System::PackageID
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().startsWith("\\Package.EventHandlers[OnPostExecute]"))
        .filteredOn(e -> e.outcome() == ImportEntry.Outcome.LEFT_OUT)
        .extracting(ImportEntry::path, e -> e.note().substring(e.note().indexOf(" reads ")))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "\\Package.EventHandlers[OnPostExecute]\\SQL.Properties[SqlStatementSource]",
                " reads System::PackageID, which Sluice does not provide, so it would fail the"
                    + " package's validation; the task keeps its design value"),
            org.assertj.core.groups.Tuple.tuple(
                "\\Package.EventHandlers[OnPostExecute].PrecedenceConstraints[Constraint]"
                    + ".Properties[Expression]",
                " reads System::SourceID, which Sluice does not provide, so it would fail the"
                    + " package's validation; the constraint is kept on its value alone, so SQL"
                    + " runs in more cases than in SSIS"));
    assertThat(result.report().entries())
        .filteredOn(
            e -> e.path().equals("\\Package.LogProviders[SSIS log provider for SQL Server]"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.LEFT_OUT));
  }

  @Test
  void aForeachMappingIntoAnExpressionVariableIsLeftOutAsSsisIgnoresIt() {
    ImportResult result = SsisImporter.importPackage(FOLDER.resolve("Staging_Load_UNCrime.dtsx"));

    TaskDefinition loop = result.project().packages().get(0).tasks().get(0).tasks().get(0);
    assertThat(loop.type()).isEqualTo("ForeachLoop");
    assertThat(loop.properties()).doesNotContainKey("variableMappings");
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().endsWith("\\FLC For each file of UNCrime data"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.note())
                    .startsWith(
                        "its mapping of item 0 to User::currentUNCrimeFileName is left out: it"
                            + " evaluates as an expression"));
  }

  @Test
  void importedTogetherTheExecutePackageTasksRunTheirChildren() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(FOLDER)) {
      files = s.filter(f -> f.toString().endsWith(".dtsx")).sorted().toList();
    }
    ImportResult result = SsisImporter.importPackages("CrimeStat", files, FOLDER.toString());

    assertThat(result.project().packages()).hasSize(files.size());
    PackageDefinition master = result.project().findPackage("MasterPackage").orElseThrow();
    TaskDefinition country = master.tasks().get(1).tasks().get(0).tasks().get(0);
    assertThat(country.type()).isEqualTo("ExecutePackage");
    assertThat(country.properties()).containsExactly(Map.entry("package", "dwh_Load_DimCountry"));
    TaskDefinition prepare = master.tasks().get(2).tasks().get(0);
    assertThat(prepare.name()).isEqualTo("EPT Prepare_Countries");
    assertThat(prepare.disabled()).isTrue();
    // Prepare_Countries.dtsx is not in the repository: still a placeholder, still disabled
    assertThat(prepare.type()).isEqualTo("Unsupported");
  }
}
