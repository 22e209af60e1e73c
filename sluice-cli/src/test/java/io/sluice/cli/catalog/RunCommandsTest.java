package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.SluiceCommand;
import io.sluice.engine.event.MessageType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-side catalog commands, in-process against a real catalog database. */
class RunCommandsTest {

  @TempDir Path keyFolder;

  private CatalogLocation location;
  private CatalogDatabase db;
  private CatalogRows.Deployed warehouse;

  private record Result(int exitCode, String out, String err) {}

  @BeforeEach
  void deployAProject() {
    location = TestCatalog.newEmptyDatabase();
    db = CatalogDatabase.open(location);
    CatalogRows rows = new CatalogRows(db.jdbi());
    warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    rows.packageOf(warehouse.versionId(), "Load.yaml", true);
    rows.parameter(warehouse.versionId(), 20, "Warehouse", "Rows", "Int32", true, false, null);
    rows.parameter(warehouse.versionId(), 30, "Load.yaml", "Mode", "String", false, false, "full");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--catalog-url",
            location.jdbcUrl(),
            "--catalog-user",
            location.user(),
            "--catalog-key-file",
            keyFolder.resolve("catalog.key").toString()));
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(notes, true, StandardCharsets.UTF_8));
      int code =
          SluiceCommand.commandLine()
              .setErr(new PrintWriter(err, true))
              .execute(all.toArray(String[]::new));
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err + notes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  private long createExecution() {
    Result created =
        run(
            "catalog",
            "executions",
            "create",
            "--folder",
            "Sales",
            "--project",
            "Warehouse",
            "--package",
            "Load.yaml",
            "--json");
    assertThat(created.exitCode()).as(created.err()).isZero();
    return json(created.out()).get("executionId").asLong();
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @Test
  void anExecutionIsCreatedGivenParametersStartedShownListedAndStopped() {
    Result created =
        run(
            "catalog",
            "executions",
            "create",
            "--folder",
            "Sales",
            "--project",
            "Warehouse",
            "--package",
            "Load.yaml");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("Created execution 1 (1 created)");

    Result badValue =
        run(
            "catalog",
            "executions",
            "set-parameter",
            "1",
            "Rows",
            "many",
            "--object-type",
            "project");
    Result set =
        run(
            "catalog",
            "executions",
            "set-parameter",
            "1",
            "Rows",
            "500"); // no --object-type: Rows is known as the project's parameter
    Result started = run("catalog", "executions", "start", "1");
    Result show = run("catalog", "executions", "show", "1");
    Result list = run("catalog", "executions", "list", "--since", "24h", "--status", "pending");
    Result none = run("catalog", "executions", "list", "--status", "succeeded");
    Result stopped = run("catalog", "executions", "stop", "1");

    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err())
        .contains("error: cannot set project parameter Rows: 'many' is not an Int32");
    assertThat(badValue.err()).contains("hint: give a value of its type, Int32");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).isEqualTo("Set project parameter Rows of execution 1.\n");
    assertThat(started.out()).contains("Started execution 1: 5 pending");
    assertThat(show.out())
        .contains("status:", "5 pending", "Sales/Warehouse/Load.yaml")
        .containsPattern("project\\s+Rows\\s+Int32\\s+500\\s+EXECUTION")
        .containsPattern("package\\s+Mode\\s+String\\s+full\\s+DESIGN");
    assertThat(list.out()).contains("5 pending").contains("Load.yaml").contains("server");
    assertThat(none.out()).contains("(none)");
    assertThat(stopped.out()).startsWith("Execution 1 is 3 canceled");
  }

  @Test
  void startReportsEveryMissingRequiredParameterAndExitsNonZero() {
    long id = createExecution();

    Result first = run("catalog", "executions", "start", String.valueOf(id));

    assertThat(first.exitCode()).isEqualTo(2);
    assertThat(first.err())
        .contains(
            "error: execution "
                + id
                + " cannot start, 1 problem: project parameter Rows"
                + " is required and has no value")
        .contains("hint: set values with: sluice catalog executions set-parameter");
    assertThat(first.out()).isEmpty();
  }

  @Test
  void listGivesJsonForScriptsAndRefusesABadTime() {
    long id = createExecution();

    Result list = run("catalog", "executions", "list", "--json");
    Result badTime = run("catalog", "executions", "list", "--since", "yesterday");
    Result missing = run("catalog", "executions", "show", "999");

    JsonNode rows = json(list.out());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.get(0).get("executionId").asLong()).isEqualTo(id);
    assertThat(rows.get(0).get("status").asInt()).isEqualTo(1);
    assertThat(badTime.exitCode()).isEqualTo(2);
    assertThat(badTime.err()).contains("error: --since 'yesterday' is not a time");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("error: execution 999 does not exist");
  }

  @Test
  void setParameterFindsTheKindOfParameterByItsNameAndShowMasksSensitiveValues() {
    CatalogRows rows = new CatalogRows(db.jdbi());
    rows.parameter(warehouse.versionId(), 20, "Warehouse", "Token", "String", false, true, null);
    rows.relativeReference(warehouse.projectId(), "Dev");
    rows.environment(warehouse.folderId(), "Dev");
    Result created =
        run(
            "catalog",
            "executions",
            "create",
            "--folder",
            "Sales",
            "--project",
            "Warehouse",
            "--package",
            "Load.yaml",
            "--environment",
            "dev");
    assertThat(created.exitCode()).as(created.err()).isZero();

    Result packageParameter = run("catalog", "executions", "set-parameter", "1", "Mode", "delta");
    Result systemParameter =
        run("catalog", "executions", "set-parameter", "1", "LOGGING_LEVEL", "3");
    Result qualified =
        run("catalog", "executions", "set-parameter", "1", "$Project::Token", "t0p-secret");
    Result unknown = run("catalog", "executions", "set-parameter", "1", "Nope", "1");
    Result show = run("catalog", "executions", "show", "1");

    assertThat(packageParameter.out()).isEqualTo("Set package parameter Mode of execution 1.\n");
    assertThat(systemParameter.out())
        .isEqualTo("Set system parameter LOGGING_LEVEL of execution 1.\n");
    assertThat(qualified.out()).isEqualTo("Set project parameter Token of execution 1.\n");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("Nope");
    assertThat(show.out())
        .contains("Sales/Dev (reference")
        .containsPattern("project version:\\s+1\\n")
        .containsPattern("package\\s+Mode\\s+String\\s+delta\\s+EXECUTION")
        .containsPattern("system\\s+LOGGING_LEVEL\\s+Int32\\s+3\\s+EXECUTION")
        .containsPattern("project\\s+Token\\s+String\\s+\\*{8}\\s+EXECUTION")
        .doesNotContain("t0p-secret");
  }

  @Test
  void messagesOfAnExecutionAreShownFilteredByType() {
    long id = createExecution();
    run(
        "catalog",
        "executions",
        "set-parameter",
        String.valueOf(id),
        "Rows",
        "1",
        "--object-type",
        "20");
    run("catalog", "executions", "start", String.valueOf(id));
    ExecutionRuntime runtime =
        new ExecutionRuntime(new CatalogContext(db, TestCatalog.cipher(), "engine"));
    runtime.markRunning(id);
    runtime.recordEvents(
        id,
        List.of(
            NewEventMessage.of(null, MessageType.INFORMATION, "copied 1 row"),
            NewEventMessage.of(null, MessageType.ERROR, "disk full")));

    Result errors = run("catalog", "messages", String.valueOf(id), "--type", "error,warning");
    Result badType = run("catalog", "messages", String.valueOf(id), "--type", "loud");

    assertThat(errors.exitCode()).as(errors.err()).isZero();
    assertThat(errors.out()).contains("120 Error").contains("disk full").doesNotContain("copied");
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.err()).contains("unknown message type 'loud'");
  }

  @Test
  void operationsPropertiesAndCleanupAreThereForOperators() {
    long id = createExecution();
    run("catalog", "executions", "stop", String.valueOf(id));

    Result operations = run("catalog", "operations", "list", "--type", "stop");
    Result setRetention = run("catalog", "properties", "set", "retention_window", "30");
    Result badProperty = run("catalog", "properties", "set", "ENCRYPTION_ALGORITHM", "none");
    Result properties = run("catalog", "properties", "list");
    Result cleanup = run("catalog", "cleanup");
    Result cleanupOperation = run("catalog", "operations", "list", "--type", "2", "--json");
    long cleanupId = json(cleanupOperation.out()).get(0).get("operationId").asLong();
    Result shown = run("catalog", "operations", "show", String.valueOf(cleanupId));

    assertThat(operations.out()).contains("202 stop").contains("7 succeeded");
    assertThat(setRetention.out()).contains("Set RETENTION_WINDOW to 30.");
    assertThat(badProperty.exitCode()).isEqualTo(2);
    assertThat(badProperty.err()).contains("error: ENCRYPTION_ALGORITHM is read only");
    assertThat(properties.out()).containsPattern("RETENTION_WINDOW\\s+30");
    assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
    assertThat(cleanup.out()).contains("(RETENTION_WINDOW 30 days)").contains("0 operations");
    assertThat(shown.out()).contains("2 retention cleanup").contains("70 Information");
  }
}
