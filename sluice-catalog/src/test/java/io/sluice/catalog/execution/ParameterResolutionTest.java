package io.sluice.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParameterResolutionTest {

  private static final int PROJECT = Executions.PROJECT_PARAMETER;
  private static final int PACKAGE = Executions.PACKAGE_PARAMETER;
  private static final int SYSTEM = Executions.SYSTEM_PARAMETER;

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private ExecutionRuntime runtime;
  private CatalogRows rows;
  private CatalogRows.Deployed warehouse;
  private long version;

  @BeforeEach
  void deployAProject() {
    db = TestCatalog.newDatabase();
    CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "tester");
    catalog = new LocalCatalog(context);
    runtime = new ExecutionRuntime(context);
    rows = new CatalogRows(db.jdbi());
    warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    version = warehouse.versionId();
    rows.packageOf(version, "Load.yaml", true);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long create() {
    return catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load.yaml"));
  }

  private long createWith(long referenceId) {
    return catalog
        .executions()
        .create(CreateExecution.of("Sales", "Warehouse", "Load.yaml").withReference(referenceId));
  }

  private Map<String, ExecutionParameterValue> valuesOf(long executionId) {
    return catalog.executions().parameterValues(executionId).stream()
        .collect(Collectors.toMap(ExecutionParameterValue::parameterName, v -> v));
  }

  private Map<String, String> resolved(long executionId) {
    return runtime.resolvedParameters(executionId).stream()
        .filter(p -> p.value() != null)
        .collect(Collectors.toMap(ResolvedParameter::name, ResolvedParameter::value));
  }

  @Test
  void executionValueBeatsServerValueWhichBeatsTheDesignDefault() {
    long a = rows.parameter(version, PROJECT, "Warehouse", "A", "String", false, false, "design-a");
    rows.serverValue(a, "server-a");
    long b = rows.parameter(version, PROJECT, "Warehouse", "B", "String", false, false, "design-b");
    rows.serverValue(b, "server-b");
    rows.parameter(version, PACKAGE, "Load.yaml", "C", "Int32", false, false, "3");
    rows.parameter(version, PACKAGE, "Other.yaml", "NotMine", "Int32", false, false, "9");
    rows.parameter(version, PROJECT, "Warehouse", "NoValue", "String", false, false, null);
    long id = create();
    catalog.executions().setParameterValue(id, PROJECT, "A", "execution-a");

    catalog.executions().start(id, 0);

    Map<String, ExecutionParameterValue> values = valuesOf(id);
    assertThat(values.values())
        .extracting(v -> v.parameterName(), v -> v.value(), v -> v.source())
        .contains(
            tuple("A", "execution-a", "EXECUTION"),
            tuple("B", "server-b", "SERVER"),
            tuple("C", "3", "DESIGN"),
            tuple("NoValue", null, null),
            tuple("LOGGING_LEVEL", "1", "SERVER"));
    assertThat(values).doesNotContainKey("NotMine");
    assertThat(values.get("NoValue").valueSet()).isFalse();
    assertThat(resolved(id))
        .containsEntry("A", "execution-a")
        .containsEntry("B", "server-b")
        .containsEntry("C", "3")
        .containsEntry("DUMP_ON_ERROR", "false");
  }

  @Test
  void serverValuesMayComeFromTheEnvironmentOfARelativeReference() {
    long conn = rows.parameter(version, PROJECT, "Warehouse", "Conn", "String", true, false, null);
    rows.serverReference(conn, "DbConn");
    long prod = rows.environment(warehouse.folderId(), "Prod");
    rows.variable(prod, "DbConn", "String", false, "jdbc:postgresql://prod/dw");
    long reference = rows.relativeReference(warehouse.projectId(), "Prod");
    long id = createWith(reference);

    catalog.executions().start(id, 0);

    Execution execution = catalog.executions().get(id);
    assertThat(execution.environmentFolderName()).isEqualTo("Sales");
    assertThat(execution.environmentName()).isEqualTo("Prod");
    assertThat(valuesOf(id).get("Conn"))
        .extracting(ExecutionParameterValue::value, ExecutionParameterValue::source)
        .containsExactly("jdbc:postgresql://prod/dw", "ENVIRONMENT");
  }

  @Test
  void anAbsoluteReferenceUsesTheEnvironmentOfTheNamedFolder() {
    long conn = rows.parameter(version, PROJECT, "Warehouse", "Conn", "String", true, false, null);
    rows.serverReference(conn, "DbConn");
    rows.variable(
        rows.environment(warehouse.folderId(), "Prod"), "DbConn", "String", false, "local");
    long shared = rows.folder("Shared");
    rows.variable(rows.environment(shared, "Prod"), "DbConn", "String", false, "shared");
    long reference = rows.absoluteReference(warehouse.projectId(), "Shared", "Prod");
    long id = createWith(reference);

    catalog.executions().start(id, 0);

    assertThat(resolved(id)).containsEntry("Conn", "shared");
  }

  @Test
  void sensitiveValuesAreStoredEncryptedAndOnlyTheRuntimeDecryptsThem() {
    long password =
        rows.parameter(version, PROJECT, "Warehouse", "Password", "String", true, true, null);
    rows.serverValue(password, "server-secret");
    rows.parameter(version, PROJECT, "Warehouse", "ApiKey", "String", true, true, null);
    long token = rows.parameter(version, PACKAGE, "Load.yaml", "Token", "String", true, true, null);
    rows.serverReference(token, "PlainToken");
    long env = rows.environment(warehouse.folderId(), "Prod");
    rows.variable(env, "PlainToken", "String", false, "token-in-clear");
    long id = createWith(rows.relativeReference(warehouse.projectId(), "Prod"));
    catalog.executions().setParameterValue(id, PROJECT, "ApiKey", "execution-secret");

    catalog.executions().start(id, 0);

    List<Map<String, Object>> stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select parameter_name, value, value_secret from"
                                + " execution_parameter_value where sensitive")
                        .mapToMap()
                        .list());
    assertThat(stored).hasSize(3);
    for (Map<String, Object> row : stored) {
      assertThat(row.get("value")).isNull();
      String bytes = new String((byte[]) row.get("value_secret"), StandardCharsets.ISO_8859_1);
      assertThat(bytes).doesNotContain("secret").doesNotContain("token-in-clear");
    }
    assertThat(valuesOf(id).get("ApiKey").value()).isNull();
    assertThat(valuesOf(id).get("ApiKey").valueSet()).isTrue();
    assertThat(resolved(id))
        .containsEntry("Password", "server-secret")
        .containsEntry("ApiKey", "execution-secret")
        .containsEntry("Token", "token-in-clear");
    assertThat(runtime.resolvedParameters(id).toString()).doesNotContain("secret");
  }

  @Test
  void startNamesEveryUnresolvedParameterInOneMessageAndChangesNothing() {
    rows.parameter(version, PROJECT, "Warehouse", "ServerName", "String", true, false, null);
    // Required parameters do not take their design default, as in SSIS.
    rows.parameter(version, PACKAGE, "Load.yaml", "Path", "String", true, false, "/tmp/default");
    long viaEnvironment =
        rows.parameter(version, PROJECT, "Warehouse", "Conn", "String", false, false, null);
    rows.serverReference(viaEnvironment, "DbConn");
    rows.parameter(version, PROJECT, "Warehouse", "Given", "String", true, false, null);
    long id = create();
    catalog.executions().setParameterValue(id, PROJECT, "Given", "here");

    assertThatThrownBy(() -> catalog.executions().start(id, 0))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("execution " + id + " cannot start, 3 problems: ")
        .hasMessageContaining("project parameter ServerName is required and has no value")
        .hasMessageContaining("package parameter Path is required and has no value")
        .hasMessageContaining(
            "project parameter Conn refers to environment variable DbConn but the execution has"
                + " no environment reference")
        .hasMessageNotContaining("Given");

    assertThat(catalog.executions().get(id).state()).isEqualTo(OperationStatus.CREATED);
    assertThat(catalog.executions().get(id).startTime()).isNull();
    assertThat(valuesOf(id)).containsOnlyKeys("Given");
  }

  @Test
  void brokenEnvironmentReferencesAreReportedPerParameter() {
    long missing = rows.parameter(version, PROJECT, "Warehouse", "A", "String", true, false, null);
    rows.serverReference(missing, "Missing");
    long wrongType = rows.parameter(version, PROJECT, "Warehouse", "B", "Int32", true, false, null);
    rows.serverReference(wrongType, "Text");
    long leak = rows.parameter(version, PROJECT, "Warehouse", "C", "String", true, false, null);
    rows.serverReference(leak, "Secret");
    long env = rows.environment(warehouse.folderId(), "Prod");
    rows.variable(env, "Text", "String", false, "x");
    rows.variable(env, "Secret", "String", true, "s3cret");
    long id = createWith(rows.relativeReference(warehouse.projectId(), "Prod"));

    assertThatThrownBy(() -> catalog.executions().start(id, 0))
        .hasMessageContaining("3 problems")
        .hasMessageContaining("variable Missing, which environment Sales/Prod does not have")
        .hasMessageContaining(
            "project parameter B is Int32 but environment variable Text is String")
        .hasMessageContaining(
            "project parameter C is not sensitive but environment variable Secret is");
  }

  @Test
  void aReferenceToAnEnvironmentThatIsGoneIsReported() {
    long conn = rows.parameter(version, PROJECT, "Warehouse", "Conn", "String", true, false, null);
    rows.serverReference(conn, "DbConn");
    long id = createWith(rows.relativeReference(warehouse.projectId(), "Nowhere"));

    assertThatThrownBy(() -> catalog.executions().start(id, 0))
        .hasMessageContaining("refers to environment Sales/Nowhere, which does not exist");
  }

  @Test
  void setParameterValueChecksNameTypeAndStatus() {
    rows.parameter(version, PROJECT, "Warehouse", "Count", "Int32", false, false, "1");
    rows.parameter(version, PROJECT, "Warehouse", "Day", "DateTime", false, false, null);
    rows.parameter(version, PACKAGE, "Load.yaml", "Flag", "Boolean", false, false, null);
    rows.parameter(version, PROJECT, "Warehouse", "Pin", "Int32", false, true, null);
    long id = create();
    var executions = catalog.executions();

    // a sensitive value is not quoted: the reason reaches terminals, logs and REST answers
    assertThatThrownBy(() -> executions.setParameterValue(id, PROJECT, "Pin", "hunter2"))
        .hasMessage(
            "cannot set project parameter Pin: the sensitive value is not an Int32 (a whole number"
                + " from -2147483648 to 2147483647)");

    assertThatThrownBy(() -> executions.setParameterValue(id, PROJECT, "Count", "ten"))
        .hasMessage(
            "cannot set project parameter Count: 'ten' is not an Int32 (a whole number"
                + " from -2147483648 to 2147483647)");
    assertThatThrownBy(() -> executions.setParameterValue(id, PROJECT, "Count", "3000000000"))
        .hasMessageContaining("is not an Int32");
    assertThatThrownBy(() -> executions.setParameterValue(id, PACKAGE, "Flag", "maybe"))
        .hasMessageContaining("is not a Boolean");
    assertThatThrownBy(() -> executions.setParameterValue(id, PROJECT, "Cuont", "1"))
        .hasMessage("project Sales/Warehouse has no project parameter Cuont")
        .satisfies(e -> assertThat(((CatalogException) e).hint()).contains("Count, Day"));
    assertThatThrownBy(() -> executions.setParameterValue(id, PACKAGE, "Count", "1"))
        .hasMessage("package Load.yaml has no package parameter Count");
    assertThatThrownBy(() -> executions.setParameterValue(id, 40, "Count", "1"))
        .hasMessageContaining("object type 40 is not a kind of parameter");
    assertThatThrownBy(() -> executions.setParameterValue(id, SYSTEM, "LOGGING_LEVEL", "5"))
        .hasMessageContaining("LOGGING_LEVEL must be 0, 1, 2 or 3");
    assertThatThrownBy(() -> executions.setParameterValue(id, SYSTEM, "CALLER_INFO", "x"))
        .hasMessageContaining("there is no system parameter CALLER_INFO");

    executions.setParameterValue(id, PROJECT, "Count", "10");
    executions.setParameterValue(id, PROJECT, "Count", "11");
    executions.setParameterValue(id, PROJECT, "Day", "2024-05-31T23:00:00");
    executions.setParameterValue(id, PACKAGE, "Flag", "true");
    executions.setParameterValue(id, SYSTEM, "LOGGING_LEVEL", "3");
    executions.setParameterValue(id, SYSTEM, "SYNCHRONIZED", "TRUE");
    executions.start(id, 0);

    assertThat(resolved(id))
        .containsEntry("Count", "11")
        .containsEntry("Flag", "true")
        .containsEntry("LOGGING_LEVEL", "3")
        .containsEntry("SYNCHRONIZED", "true");
    assertThat(executions.get(id).loggingLevel()).isEqualTo(3);
    assertThatThrownBy(() -> executions.setParameterValue(id, PROJECT, "Count", "12"))
        .hasMessageContaining("it is 5 pending, and this is possible only while it is 1 created");
  }

  @Test
  void resolvedParametersAreGivenOutOnlyForAStartedExecution() {
    long id = create();

    assertThatThrownBy(() -> runtime.resolvedParameters(id))
        .hasMessageContaining("is 1 created: its parameter values are given out only to run it");
  }
}
