package io.sluice.cli.bench;

import io.sluice.engine.project.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The package bench/chaos runs: every attempt writes its own row in a ledger table on a PostgreSQL
 * server outside the experiment (never killed, never failed over), so the ledger is an independent
 * witness of what ran where and when, whatever the catalog says.
 *
 * <p>Begin inserts the row (execution id, attempt, worker, a random id of this run, start); a loop
 * then refreshes {@code last_seen} every 100 ms while it works; End writes the end. An attempt
 * whose worker was killed or that was stopped has no end, but {@code last_seen} tells until when it
 * certainly ran; the next attempt starting before that would be an overlap.
 */
final class LedgerProject {

  static final String FOLDER = "chaos";
  static final String PROJECT = "chaos";
  static final String PACKAGE = "attempt";

  static final String LEDGER_TABLE =
      """
      create table attempt_ledger (
          run_id       text primary key,
          execution_id bigint not null,
          attempt      integer not null,
          worker       text not null,
          started      timestamptz not null,
          last_seen    timestamptz not null,
          ended        timestamptz
      )
      """;

  private static final String PROJECT_YAML =
      """
      name: chaos
      description: Records each attempt's start, liveness and end in a ledger (bench/chaos).
      connections:
        - name: Ledger
          type: jdbc
          url: LEDGER_URL
          user: postgres
      """;

  private static final String PACKAGE_YAML =
      """
      description: One attempt, witnessed by the ledger.
      variables:
        - {name: Beat, type: Int32, value: 0}
        - {name: Run, type: String, value: ""}
      tasks:
        - name: Begin
          type: ExecuteSql
          connection: Ledger
          statement: >-
            insert into attempt_ledger (run_id, execution_id, attempt, worker, started, last_seen)
            values (?, ?, ?, ?, clock_timestamp(), clock_timestamp())
          parameters:
            - {variable: System::ExecutionInstanceGUID}
            - {variable: System::ServerExecutionID}
            - {variable: System::TaskAttempt}
            - {variable: System::MachineName}
        - name: Work
          type: ForLoop
          after: Begin
          initExpression: '@[User::Beat] = 0'
          evalExpression: '@[User::Beat] < BEATS'
          assignExpression: '@[User::Beat] = @[User::Beat] + 1'
          tasks:
            - name: Beat
              type: ExecuteSql
              connection: Ledger
              statement: >-
                with pause as (select pg_sleep(0.1))
                update attempt_ledger set last_seen = clock_timestamp() from pause where run_id = ?
              parameters:
                - {variable: System::ExecutionInstanceGUID}
        - name: End
          type: ExecuteSql
          after: Work
          connection: Ledger
          statement: >-
            update attempt_ledger set ended = clock_timestamp(), last_seen = clock_timestamp()
            where run_id = ?
          parameters:
            - {variable: System::ExecutionInstanceGUID}
      """;

  private LedgerProject() {}

  /** The project archive, its connection pointing at {@code ledgerUrl}; {@code beats} x 100 ms. */
  static byte[] archive(String ledgerUrl, int beats) {
    return ProjectFiles.of(
            Map.of(
                "project.yaml",
                PROJECT_YAML.replace("LEDGER_URL", ledgerUrl).getBytes(StandardCharsets.UTF_8),
                "packages/" + PACKAGE + ".yaml",
                PACKAGE_YAML
                    .replace("BEATS", String.valueOf(beats))
                    .getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }
}
