package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.type.DataType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit on the tutorial rates: System variables become columns, missing ones NULL. */
class AuditTest {

  @TempDir Path temp;

  private final Flows.Events events = new Flows.Events();

  private SimpleDataFlowEnvironment environment() {
    return Flows.environment(temp)
        .events(events)
        .flatFile("rates", TutorialRates.FILE, TutorialRates.settings())
        .variable("System::MachineName", DataType.wstr(255), "etl-01")
        .variable("System::ExecutionInstanceGUID", DataType.wstr(38), "{0F8A...}")
        .variable("System::StartTime", DataType.DATE, LocalDateTime.of(2026, 12, 7, 21, 0))
        .build();
  }

  @Test
  void everyRowGetsTheRunsValuesAndMissingVariablesAreNullWithAWarning() {
    SimpleDataFlowEnvironment env = environment();
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - name: Stamp
            type: Audit
            input: Read
            columns:
              - {name: Machine, item: MachineName}
              - {name: Run, item: '0'}
              - {name: Started, item: executionstarttime}
              - {name: Package, item: PackageName}
              - {name: Pkg, item: PackageID}
          - {name: Keep, type: RecordsetDestination, input: Stamp, variable: Rows}
        """,
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(TutorialRates.ROWS);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.get("Machine")).isEqualTo("etl-01");
              assertThat(r.get("Run")).isEqualTo("{0F8A...}");
              assertThat(r.get("Started")).isEqualTo(LocalDateTime.of(2026, 12, 7, 21, 0));
              assertThat(r.get("Package")).isEqualTo("Daily");
              assertThat(r).containsEntry("Pkg", null);
            });
    assertThat(events.messages())
        .anyMatch(m -> m.contains("column 'Pkg': the run has no System::PackageID"));
    assertThat(
            events.events.stream()
                .filter(e -> e.type() == MessageType.WARNING)
                .map(e -> e.message())
                .toList())
        .hasSize(1);
  }

  @Test
  void anUnknownItemIsRefusedNamingTheComponentAndTheItems() {
    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Stamp, type: Audit, input: Read, columns: [{name: Who, item: Operator}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), environment()))
        .hasMessageContaining("component 'Stamp' (Audit)")
        .hasMessageContaining("audit item 'Operator' is unknown; use one of ExecutionInstanceGUID");
  }

  @Test
  void aColumnThatExistsOrAMisspeltSettingIsRefused() {
    String taken =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Stamp, type: Audit, input: Read, columns: [{name: CurrencyID, item: UserName}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(taken), environment()))
        .hasMessageContaining("component 'Stamp' (Audit)")
        .hasMessageContaining("column 'CurrencyID' already exists");
    String misspelt =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Stamp, type: Audit, input: Read, columns: [{name: U, itme: UserName}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(misspelt), environment()))
        .hasMessageContaining("component 'Stamp' (Audit)")
        .hasMessageContaining("did you mean 'item'?");
  }

  @Test
  void aTypeCastsTheValueAndAnImpossibleTypeIsRefused() {
    SimpleDataFlowEnvironment env = environment();
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - name: Stamp
            type: Audit
            input: Read
            columns: [{name: Day, item: ExecutionStartTime, type: DT_DBDATE}, {name: M, item: MachineName, type: 'DT_WSTR,3'}]
          - {name: Keep, type: RecordsetDestination, input: Stamp, variable: Rows}
        """,
        env);
    assertThat(Flows.rows(env, "User::Rows").get(0))
        .containsEntry("Day", java.time.LocalDate.of(2026, 12, 7))
        .containsEntry("M", "etl");

    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Stamp, type: Audit, input: Read, columns: [{name: T, item: ExecutionStartTime, type: 'DT_BYTES,8'}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), environment()))
        .hasMessageContaining("component 'Stamp' (Audit)")
        .hasMessageContaining("column 'T': ExecutionStartTime is DT_DATE, not DT_BYTES");
  }
}
