package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.runtime.connection.ConnectionFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection that cannot be opened is raised the one way the catalog's Connections report reads:
 * an Error with SSIS's code, the connection manager as subcomponent and the connection string's
 * credentials masked, from a task and from a data flow alike.
 */
class ConnectionFailureTest {

  private static final String CONNECTIONS =
      """
      variables:
        - {name: Rows, type: Int32, value: 0}
      connections:
        - name: Warehouse
          type: jdbc
          url: 'jdbc:postgresql://127.0.0.1:1/dw?user=etl&password=hunter2'
      """;

  private static List<EngineEvent> errors(String tasks) {
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", CONNECTIONS + tasks).run("p", sink);
    return sink.events.stream().filter(e -> e.type() == MessageType.ERROR).toList();
  }

  @Test
  void aTaskWhoseConnectionFailsRaisesItWithTheCodeTheNameAndTheStringMasked() {
    List<EngineEvent> errors =
        errors(
            """
            tasks:
              - {name: Ask, type: ExecuteSql, connection: Warehouse, statement: select 1}
            """);

    assertThat(errors).singleElement().satisfies(ConnectionFailureTest::isTheWarehouseFailing);
  }

  @Test
  void aDataFlowWhoseSourceCannotConnectRaisesItTheSameWay() {
    List<EngineEvent> errors =
        errors(
            """
            tasks:
              - name: Copy
                type: DataFlow
                components:
                  - {name: Read, type: JdbcSource, connection: Warehouse, query: select 1 as n}
                  - {name: Count, type: RowCount, input: Read, variable: User::Rows}
            """);

    assertThat(errors)
        .filteredOn(e -> e.code() == ConnectionFailedException.CODE)
        .singleElement()
        .satisfies(ConnectionFailureTest::isTheWarehouseFailing);
  }

  @Test
  void credentialsInAConnectionStringAreMasked() {
    assertThat(ConnectionFailedException.mask("jdbc:sqlserver://h;user=sa;password=p4ss;db=x"))
        .isEqualTo("jdbc:sqlserver://h;user=sa;password=********;db=x");
    assertThat(ConnectionFailedException.mask("jdbc:postgresql://etl:s3cret@db/dw"))
        .isEqualTo("jdbc:postgresql://etl:********@db/dw");
    assertThat(ConnectionFailedException.mask("jdbc:postgresql://db/dw"))
        .isEqualTo("jdbc:postgresql://db/dw");
  }

  private static void isTheWarehouseFailing(EngineEvent error) {
    assertThat(error.code()).isEqualTo(ConnectionFailedException.CODE).isEqualTo(0xC020801C);
    assertThat(error.subcomponent()).isEqualTo("Warehouse");
    assertThat(error.message())
        .contains(
            "cannot connect with connection 'Warehouse' to"
                + " jdbc:postgresql://127.0.0.1:1/dw?user=etl&password=********: ")
        .doesNotContain("hunter2");
  }
}
