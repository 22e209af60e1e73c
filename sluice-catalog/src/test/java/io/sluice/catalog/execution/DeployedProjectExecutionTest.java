package io.sluice.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executions of a project deployed by the projects area, end to end: deploy, run, operations. */
class DeployedProjectExecutionTest {

  @TempDir Path tmp;

  private CatalogUnderTest under;
  private Catalog catalog;

  @BeforeEach
  void deploy() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("Finance", "");
    catalog.projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
  }

  @AfterEach
  void close() {
    under.close();
  }

  @Test
  void aDeployedPackageRunsWithItsDesignDefaultsAndRequiredValues() {
    String packageName =
        under
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select name from package where entry_point order by name")
                        .mapTo(String.class)
                        .first());
    long id = catalog.executions().create(CreateExecution.of("Finance", "Sales", packageName));

    assertThatThrownBy(() -> catalog.executions().start(id, 0))
        .hasMessageContaining("1 problem: project parameter Region is required and has no value");
    catalog.executions().setParameterValue(id, 20, "Region", "EMEA");
    catalog.executions().start(id, 0);

    Map<String, String> values =
        new ExecutionRuntime(under.context())
            .resolvedParameters(id).stream()
                .filter(p -> p.value() != null)
                .collect(Collectors.toMap(ResolvedParameter::name, ResolvedParameter::value));
    assertThat(values)
        .containsEntry("Region", "EMEA")
        .containsEntry("ServerName", "db1")
        .containsEntry("BatchSize", "500")
        .containsEntry("Password", "design-secret")
        .containsEntry("Day", "2024-01-31");
  }

  @Test
  void deploysAreRecordedAsOperationsEvenWhenTheyFail() {
    assertThatThrownBy(
        () -> catalog.projects().deploy("Finance", "not a zip".getBytes(StandardCharsets.UTF_8)));

    var deploys =
        catalog.operations().list(new OperationFilter(OperationType.DEPLOY, null, null, 10));
    assertThat(deploys).extracting(Operation::status).containsExactly(4, 7);
    assertThat(catalog.operations().messages(deploys.get(1).operationId()))
        .singleElement()
        .satisfies(m -> assertThat(m.message()).isEqualTo("deployed version 1 of Finance/Sales"));
    assertThat(catalog.operations().messages(deploys.get(0).operationId()))
        .singleElement()
        .satisfies(
            m -> assertThat(m.message()).startsWith("deploy of Finance/").contains("failed"));
  }
}
