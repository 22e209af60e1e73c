package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.environment.ReferenceType;
import io.sluice.catalog.environment.VariableType;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.execution.ResolvedParameter;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names users type to find things ignore case, as in SSISDB; they keep their case for display. */
class CaseInsensitiveNamesTest {

  @TempDir Path dir;
  private CatalogUnderTest under;
  private Catalog catalog;

  @BeforeEach
  void open() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("Finance", "");
  }

  @AfterEach
  void close() {
    under.close();
  }

  @Test
  void aFolderIsFoundInAnyCaseAndCannotBeCreatedAgainInAnotherCase() {
    assertThat(catalog.folders().get("FINANCE").name()).isEqualTo("Finance");

    assertThatThrownBy(() -> catalog.folders().create("finance", ""))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("already exists");
    assertThat(catalog.folders().list()).hasSize(1);
  }

  @Test
  void anExecutionNamedInAnotherCaseRecordsTheNamesAsCreatedAndIsFoundByThem() {
    catalog.projects().deploy("Finance", TestProjects.sample("Sales").pack(dir));

    long id =
        catalog
            .executions()
            .create(CreateExecution.of("finance", "SALES", "load").inScaleOut(false));

    Execution execution = catalog.executions().get(id);
    assertThat(execution.folderName()).isEqualTo("Finance");
    assertThat(execution.projectName()).isEqualTo("Sales");
    assertThat(execution.packageName()).isEqualTo("Load");
    ExecutionFilter byFolder =
        new ExecutionFilter("FINANCE", "sales", "LOAD", null, null, null, 10);
    assertThat(catalog.executions().list(byFolder))
        .extracting(Execution::executionId)
        .containsExactly(id);
  }

  @Test
  void aReferenceToAnEnvironmentVariableMatchesItInAnyCase() {
    catalog.projects().deploy("Finance", TestProjects.sample("Sales").pack(dir));
    catalog.environments().create("Finance", "Prod", "");
    catalog
        .environments()
        .setVariable("finance", "PROD", "RegionName", VariableType.STRING, "emea", false, null);
    long reference =
        catalog
            .environments()
            .addReference("FINANCE", "sales", ReferenceType.RELATIVE, null, "prod")
            .referenceId();
    catalog
        .parameters()
        .setReference("Finance", "Sales", ObjectType.PROJECT, null, "Region", "regionname");

    long id =
        catalog
            .executions()
            .create(
                CreateExecution.of("Finance", "Sales", "Load")
                    .withReference(reference)
                    .inScaleOut(false));
    catalog.executions().start(id, 0);

    assertThat(new ExecutionRuntime(under.context()).resolvedParameters(id))
        .filteredOn(p -> p.name().equals("Region"))
        .extracting(ResolvedParameter::value)
        .containsExactly("emea");
  }
}
