package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/package-format.md 7.2: the keys every task and container has ({@code disabled}, {@code
 * description}, {@code maximumErrorCount}, {@code forceExecutionResult}, {@code
 * failPackageOnFailure}, {@code failParentOnFailure}) may be set by a property expression on every
 * task type, built-in or from a module of its own. What {@code sluice project validate} accepts,
 * {@code sluice run} must run: once with every task disabled by its expression, once with those
 * that need no server enabled by it (SSIS evaluates the expressions of a task before it decides to
 * run it).
 */
class CommonPropertyExpressionsTest {

  @TempDir Path dir;

  private static final String COMMON =
      "description: '\"computed\"', maximumErrorCount: '1', forceExecutionResult: '\"none\"',"
          + " failPackageOnFailure: 'false', failParentOnFailure: 'false'";

  /** One task of each type, as little as it takes to validate; true: it runs without a server. */
  private Map<String, Boolean> tasks() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Map<String, Boolean> t = new LinkedHashMap<>();
    t.put("{name: T, type: Expression, expression: '@[User::N] = 1'", true);
    t.put("{name: T, type: Sequence", true);
    t.put(
        "{name: T, type: ForLoop, evalExpression: 'false', tasks: [{name: Inner, type: Sequence}]",
        true);
    t.put(
        "{name: T, type: ForeachLoop, enumerator: {type: item, items: [1]}, tasks: [{name: Inner,"
            + " type: Sequence}]",
        true);
    t.put("{name: T, type: FileSystem, operation: createDirectory, source: MADE", true);
    t.put("{name: T, type: ExecuteProcess, executable: /bin/true", true);
    t.put(
        "{name: T, type: DataFlow, components: [{name: Read, type: FlatFileSource, connection:"
            + " Empty}]",
        true);
    t.put("{name: T, type: ExecutePackage, package: child", true);
    t.put(
        "{name: T, type: Script, source: 'public class ScriptMain implements"
            + " io.sluice.api.script.Script { public void main(io.sluice.api.script.Dts dts) {}"
            + " }'",
        true);
    t.put("{name: T, type: ExecuteSql, connection: Db, statement: 'select 1'", false);
    t.put(
        "{name: T, type: BulkInsert, connection: Db, table: rates, source: '" + empty + "'", false);
    t.put(
        "{name: T, type: SendMail, smtpConnection: Mail, from: a@example.com, to: b@example.com",
        false);
    t.put("{name: T, type: Ftp, connection: Files, operation: deleteRemote, remotePath: /x", false);
    t.put("{name: T, type: Http, httpConnection: Api", false);
    t.put(
        "{name: T, type: Xml, operationType: validate, source: Doc, secondOperandType:"
            + " directInput, secondOperand: '<x/>'",
        false);
    t.put("{name: T, type: Unsupported, ssisType: Example.Task, message: not converted", false);
    return t;
  }

  @Test
  void theCommonKeysTakeAPropertyExpressionOnEveryTaskType() throws Exception {
    Path empty = dir.resolve("empty.txt");
    for (Map.Entry<String, Boolean> task : tasks().entrySet()) {
      for (boolean disabled : new boolean[] {true, false}) {
        if (!disabled && !task.getValue()) {
          continue; // it would need a server
        }
        Path project =
            project(
                "  - "
                    + task.getKey()
                    + ", expressions: {disabled: '"
                    + disabled
                    + "', "
                    + COMMON
                    + "}}\n");

        CliRun.Result valid = CliRun.run("project", "validate", project.toString());
        assertThat(valid.exitCode()).as("validate %s: %s", task.getKey(), valid.err()).isZero();
        CliRun.Result run = CliRun.run("run", project.toString(), "--package", "main");
        assertThat(run.exitCode())
            .as("run %s, disabled %s:\n%s%s", task.getKey(), disabled, run.out(), run.err())
            .isZero();
        assertThat(run.out()).contains("Package main: SUCCESS");
        if (disabled) {
          assertThat(run.out()).as(task.getKey()).doesNotContain("\\main\\T");
        } else {
          assertThat(run.out()).as(task.getKey()).contains("\\main\\T ");
        }
      }
    }
  }

  /** A project whose package main has {@code tasks} (YAML list items) and what they may name. */
  private Path project(String tasks) throws Exception {
    Path empty = dir.resolve("empty.txt");
    return DocsHarness.project()
        .connection("{name: Db, type: jdbc, url: 'jdbc:postgresql://127.0.0.1:1/none'}")
        .connection(
            "{name: Empty, type: flatFile, file: '"
                + empty
                + "', columns: [{name: X, type: DT_I4}]}")
        .connection("{name: Mail, type: smtp, smtpServer: 127.0.0.1, port: 1}")
        .connection("{name: Files, type: ftp, host: 127.0.0.1, port: 1}")
        .connection("{name: Api, type: http, serverUrl: 'http://127.0.0.1:1'}")
        .connection("{name: Doc, type: file, path: '" + empty + "'}")
        .pkg("child", "entryPoint: false\ntasks:\n  - {name: Nothing, type: Sequence}\n")
        .pkg(
            "main",
            "variables:\n  - {name: N, type: Int32, value: 0}\ntasks:\n"
                // a folder the FileSystem task creates: a new one for each project
                + tasks.replace("MADE", dir.resolve("made-" + System.nanoTime()).toString()))
        .write(Files.createDirectories(dir.resolve("p" + System.nanoTime())));
  }

  /**
   * 7.2: "Keys are the task type's settings ... A required setting may be given by expression
   * alone." Each scalar setting of each task above, written as a property expression instead of a
   * value: what validate accepts, run runs (enabled where no server is needed, else disabled).
   */
  @Test
  @SuppressWarnings("unchecked")
  void everySettingOfEveryTaskTypeTakesAPropertyExpressionThatRunsWhereItValidates()
      throws Exception {
    Yaml yaml = new Yaml();
    DumperOptions flow = new DumperOptions();
    flow.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    flow.setWidth(Integer.MAX_VALUE);
    Yaml dump = new Yaml(flow);
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, Boolean> task : tasks().entrySet()) {
      Map<String, Object> written = (Map<String, Object>) yaml.load(task.getKey() + "}");
      for (Map.Entry<String, Object> setting : written.entrySet()) {
        Object value = setting.getValue();
        if (setting.getKey().equals("name")
            || setting.getKey().equals("type")
            || value instanceof Map
            || value instanceof List) {
          continue;
        }
        Map<String, Object> byExpression = new LinkedHashMap<>(written);
        byExpression.remove(setting.getKey());
        Map<String, Object> expressions = new LinkedHashMap<>();
        expressions.put(setting.getKey(), literal(value));
        expressions.put("disabled", String.valueOf(!task.getValue()));
        byExpression.put("expressions", expressions);
        String item = "  - " + dump.dump(byExpression);
        Path project = project(item);

        CliRun.Result valid = CliRun.run("project", "validate", project.toString());
        if (valid.exitCode() != 0) {
          assertThat(valid.err()).as(item).contains("packages/main.yaml:");
          refused.add(written.get("type") + "." + setting.getKey());
          continue;
        }
        CliRun.Result run = CliRun.run("run", project.toString(), "--package", "main");
        assertThat(run.exitCode())
            .as("validated, then run failed: %s%n%s%s", item, run.out(), run.err())
            .isZero();
        accepted.add(written.get("type") + "." + setting.getKey());
      }
    }
    // the one setting package-format.md says cannot be an expression: a script's code is what was
    // deployed and checked
    assertThat(refused).containsExactly("Script.source");
    assertThat(accepted)
        .contains(
            "Expression.expression",
            "FileSystem.operation",
            "ExecuteProcess.executable",
            "ExecuteSql.statement",
            "SendMail.to",
            "Ftp.remotePath",
            "Xml.secondOperand",
            "BulkInsert.table");
  }

  /** An SSIS expression whose value is {@code value}. */
  private static String literal(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
