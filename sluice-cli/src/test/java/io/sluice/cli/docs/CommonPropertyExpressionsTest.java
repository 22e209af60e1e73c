package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    t.put(
        "{name: T, type: FileSystem, operation: createDirectory, source: '"
            + dir.resolve("made")
            + "'",
        true);
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
            DocsHarness.project()
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
                    "variables:\n  - {name: N, type: Int32, value: 0}\ntasks:\n  - "
                        + task.getKey()
                        + ", expressions: {disabled: '"
                        + disabled
                        + "', "
                        + COMMON
                        + "}}\n")
                .write(Files.createDirectories(dir.resolve("p" + System.nanoTime())));

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
}
