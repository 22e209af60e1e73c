package io.sluice.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.engine.project.PropertyOverride;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Execution property overrides (SSIS set_execution_property_override_value) in the catalog. */
class ExecutionPropertyOverridesTest {

  @TempDir Path tmp;

  private CatalogUnderTest under;
  private Catalog catalog;
  private long id;

  @BeforeEach
  void deploy() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("Finance", "");
    catalog
        .projects()
        .deploy(
            "Finance",
            TestProjects.project("Sales")
                .parameters(
                    """
                    - name: Password
                      type: String
                      sensitive: true
                      default: design-secret
                    """)
                .withPackage(
                    "Load",
                    """
                    variables:
                      - {name: Day, type: Int32, value: 1}
                    connections:
                      - name: Warehouse
                        type: jdbc
                        url: jdbc:postgresql://old/dw
                    """)
                .pack(tmp));
    id = catalog.executions().create(CreateExecution.of("Finance", "Sales", "Load"));
  }

  @AfterEach
  void close() {
    under.close();
  }

  @Test
  void overridesAreStoredInOrderWithConnectionStringsEncryptedAndHidden() {
    String url = "jdbc:postgresql://new/dw?password=Sw0rdfish";
    catalog
        .executions()
        .setPropertyOverride(
            id, "\\Package.Connections[Warehouse].Properties[ConnectionString]", url, false);
    catalog
        .executions()
        .setPropertyOverride(id, "\\Package.Variables[User::Day].Value", "4", false);
    catalog
        .executions()
        .setPropertyOverride(id, "\\Package.Variables[User::Day].Value", "5", false);
    catalog
        .executions()
        .setPropertyOverride(id, "\\Package.Variables[$Project::Password]", "other-secret", false);

    assertThat(catalog.executions().propertyOverrides(id))
        .containsExactly(
            new ExecutionPropertyOverride(
                "\\Package.Connections[Warehouse].Properties[ConnectionString]", null, true),
            new ExecutionPropertyOverride("\\Package.Variables[User::Day].Value", "5", false),
            new ExecutionPropertyOverride("\\Package.Variables[$Project::Password]", null, true));
    String stored =
        under
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select string_agg(coalesce(value, '') || encode(coalesce(value_secret,"
                                + " ''::bytea), 'escape'), ' ') from execution_property_override")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).doesNotContain("Sw0rdfish").doesNotContain("other-secret");

    catalog.executions().setParameterValue(id, 50, "LOGGING_LEVEL", "1");
    catalog.executions().start(id, 0);
    assertThat(new ExecutionRuntime(under.context()).propertyOverrides(id))
        .containsExactly(
            new PropertyOverride(
                "\\Package.Connections[Warehouse].Properties[ConnectionString]", url, false),
            new PropertyOverride("\\Package.Variables[User::Day].Value", "5", false),
            new PropertyOverride("\\Package.Variables[$Project::Password]", "other-secret", false));
  }

  @Test
  void aPathThePackageDoesNotHaveIsRefusedAtOnce() {
    assertThatThrownBy(
            () ->
                catalog
                    .executions()
                    .setPropertyOverride(
                        id, "\\Package.Connections[Nope].Properties[ConnectionString]", "x", false))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("no connection 'Nope'; its connections: Warehouse");
    assertThatThrownBy(
            () ->
                catalog
                    .executions()
                    .setPropertyOverride(id, "\\Package.Variables[User::Day].Value", "x", false))
        .hasMessageContaining("User::Day is Int32");
    assertThat(catalog.executions().propertyOverrides(id)).isEmpty();
  }

  @Test
  void aStartedExecutionTakesNoMoreOverrides() {
    catalog.executions().start(id, 0);
    assertThatThrownBy(
            () ->
                catalog
                    .executions()
                    .setPropertyOverride(id, "\\Package.Variables[User::Day].Value", "5", false))
        .hasMessageContaining("only while it is 1 created");
  }

  @Test
  void aSensitiveValueIsNeverShown() {
    catalog.executions().setPropertyOverride(id, "\\Package.Variables[User::Day].Value", "7", true);
    assertThat(catalog.executions().propertyOverrides(id))
        .containsExactly(
            new ExecutionPropertyOverride("\\Package.Variables[User::Day].Value", null, true));
  }
}
