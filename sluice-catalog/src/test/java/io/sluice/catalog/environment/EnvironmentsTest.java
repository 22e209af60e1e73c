package io.sluice.catalog.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogException.Reason;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentsTest {

  @TempDir Path tmp;
  private CatalogUnderTest cut;
  private Environments environments;

  @BeforeEach
  void open() {
    cut = CatalogUnderTest.open();
    environments = cut.catalog().environments();
    cut.catalog().folders().create("Finance", "");
    cut.catalog().folders().create("Shared", "");
  }

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void createsListsDescribesAndDeletesEnvironments() {
    environments.create("Finance", "Prod", "production");
    environments.create("Finance", "Dev", null);
    environments.create("Shared", "Prod", "");

    assertThat(environments.list("Finance"))
        .extracting(Environment::name)
        .containsExactly("Dev", "Prod");
    assertThat(environments.list(null))
        .extracting(Environment::folder, Environment::name)
        .containsExactly(
            tuple("Finance", "Dev"), tuple("Finance", "Prod"), tuple("Shared", "Prod"));
    assertThat(environments.setDescription("Finance", "Dev", "sandbox").description())
        .isEqualTo("sandbox");
    assertThat(environments.get("Finance", "Prod").description()).isEqualTo("production");

    environments.delete("Finance", "Prod");
    assertThat(environments.list("Finance")).extracting(Environment::name).containsExactly("Dev");
  }

  @Test
  void duplicatesConflictAndMissingOnesAreNotFound() {
    environments.create("Finance", "Prod", "");
    assertThatThrownBy(() -> environments.create("Finance", "Prod", ""))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
              assertThat(e.hint()).contains("sluice catalog variables set");
            });
    assertThatThrownBy(() -> environments.get("Finance", "Test"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo("environment 'Test' does not exist in folder 'Finance'");
              assertThat(e.hint()).contains("sluice catalog environments list --folder Finance");
            });
    assertThatThrownBy(() -> environments.create("Nope", "Prod", ""))
        .hasMessage("folder 'Nope' does not exist");
    assertThatThrownBy(() -> environments.create("Finance", "@prod", ""))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
        .hasMessageStartingWith("environment name");
  }

  @Test
  void variablesAreTypedCheckedAndReplaced() {
    environments.create("Finance", "Prod", "");
    environments.setVariable(
        "Finance", "Prod", "BatchSize", VariableType.INT32, "100", false, "rows");
    environments.setVariable("Finance", "Prod", "Host", VariableType.STRING, "db1", false, null);
    EnvironmentVariable replaced =
        environments.setVariable(
            "Finance", "Prod", "BatchSize", VariableType.INT64, "9000000000", false, null);

    assertThat(replaced.type()).isEqualTo("Int64");
    assertThat(replaced.description()).as("null description keeps the old one").isEqualTo("rows");
    assertThat(environments.listVariables("Finance", "Prod"))
        .extracting(
            EnvironmentVariable::name, EnvironmentVariable::type, EnvironmentVariable::value)
        .containsExactly(tuple("BatchSize", "Int64", "9000000000"), tuple("Host", "String", "db1"));
    assertThat(environments.get("Finance", "Prod").variableCount()).isEqualTo(2);

    environments.deleteVariable("Finance", "Prod", "Host");
    assertThat(environments.listVariables("Finance", "Prod")).hasSize(1);
    assertThatThrownBy(() -> environments.deleteVariable("Finance", "Prod", "Host"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.hint()).isEqualTo("its variables are: BatchSize");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "Boolean,maybe",
    "Byte,256",
    "DateTime,yesterday",
    "Double,x",
    "Int16,40000",
    "Int32,1.5",
    "Int64,ten",
    "Single,NaN?",
    "UInt32,-1",
    "UInt64,18446744073709551616"
  })
  void valuesThatDoNotFitTheTypeAreRefused(String typeName, String value) {
    environments.create("Finance", "Prod", "");
    VariableType type = VariableType.fromName(typeName).orElseThrow();
    assertThatThrownBy(
            () -> environments.setVariable("Finance", "Prod", "V", type, value, false, null))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage())
                  .startsWith("environment variable 'V' is " + typeName + ":");
            });
    assertThat(environments.listVariables("Finance", "Prod")).isEmpty();
  }

  @Test
  void variableTypesAreExactlyTheSsisOnes() {
    assertThat(VariableType.names())
        .isEqualTo(
            "Boolean, Byte, DateTime, Double, Int16, Int32, Int64, Single, String, UInt32, UInt64");
    assertThat(VariableType.fromName("int32")).contains(VariableType.INT32);
    assertThat(VariableType.fromName("Decimal")).isEmpty();
  }

  @Test
  void sensitiveVariablesAreStoredEncryptedOnlyAndListedMasked() {
    environments.create("Finance", "Prod", "");
    EnvironmentVariable set =
        environments.setVariable(
            "Finance", "Prod", "DbPassword", VariableType.STRING, "pa55-word", true, null);

    assertThat(set.value()).isEqualTo("********");
    assertThat(environments.listVariables("Finance", "Prod").toString())
        .doesNotContain("pa55-word");
    Map<String, Object> row =
        cut.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select value, value_secret from environment_variable")
                        .mapToMap()
                        .one());
    assertThat(row.get("value")).isNull();
    byte[] secret = (byte[]) row.get("value_secret");
    assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("pa55-word");
    assertThat(cut.context().cipher().decrypt(secret)).isEqualTo("pa55-word");

    // Turned non-sensitive, the value is in clear and the secret is gone.
    environments.setVariable(
        "Finance", "Prod", "DbPassword", VariableType.STRING, "public", false, null);
    Boolean secretGone =
        scalar("select value_secret is null from environment_variable", Boolean.class);
    assertThat(secretGone).isTrue();
  }

  @Test
  void referencesAreRelativeOrAbsoluteAndShowWhetherTheirTargetExists() {
    cut.catalog().projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    environments.create("Finance", "Prod", "");
    environments.create("Shared", "Common", "");

    EnvironmentReference relative =
        environments.addReference("Finance", "Sales", ReferenceType.RELATIVE, null, "Prod");
    EnvironmentReference absolute =
        environments.addReference("Finance", "Sales", ReferenceType.ABSOLUTE, "Shared", "Common");
    assertThat(relative.environmentFolder()).isEqualTo("Finance");
    assertThat(absolute.type()).isEqualTo(ReferenceType.ABSOLUTE);

    environments.delete("Shared", "Common");
    assertThat(environments.listReferences("Finance", "Sales"))
        .extracting(
            EnvironmentReference::type,
            EnvironmentReference::environmentFolder,
            EnvironmentReference::environmentName,
            EnvironmentReference::environmentExists)
        .containsExactly(
            tuple(ReferenceType.RELATIVE, "Finance", "Prod", true),
            tuple(ReferenceType.ABSOLUTE, "Shared", "Common", false));

    environments.deleteReference(absolute.referenceId());
    assertThat(environments.listReferences("Finance", "Sales")).hasSize(1);
    assertThatThrownBy(() -> environments.deleteReference(absolute.referenceId()))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void referencesAreRefusedForMissingTargetsDuplicatesAndWrongFolders() {
    cut.catalog().projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    environments.create("Finance", "Prod", "");
    environments.addReference("Finance", "Sales", ReferenceType.RELATIVE, null, "Prod");

    assertThatThrownBy(
            () ->
                environments.addReference("Finance", "Sales", ReferenceType.RELATIVE, null, "Prod"))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("already references environment 'Prod'");
    assertThatThrownBy(
            () ->
                environments.addReference(
                    "Finance", "Sales", ReferenceType.ABSOLUTE, "Shared", "Prod"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo("environment 'Prod' does not exist in folder 'Shared'");
            });
    assertThatThrownBy(
            () ->
                environments.addReference(
                    "Finance", "Sales", ReferenceType.RELATIVE, "Shared", "Prod"))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    assertThatThrownBy(
            () ->
                environments.addReference("Finance", "Sales", ReferenceType.ABSOLUTE, null, "Prod"))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    assertThatThrownBy(
            () ->
                environments.addReference("Finance", "Nope", ReferenceType.RELATIVE, null, "Prod"))
        .hasMessage("project 'Nope' does not exist in folder 'Finance'");
    assertThat(environments.listReferences("Finance", "Sales")).hasSize(1);
  }

  @Test
  void deletingTheProjectRemovesItsReferences() {
    cut.catalog().projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    environments.create("Finance", "Prod", "");
    environments.addReference("Finance", "Sales", ReferenceType.RELATIVE, null, "Prod");
    cut.catalog().projects().delete("Finance", "Sales");
    Integer references = scalar("select count(*) from environment_reference", Integer.class);
    assertThat(references).isZero();
  }

  @Test
  void variableNamesFollowTheNamingRule() {
    environments.create("Finance", "Prod", "");
    assertThatThrownBy(
            () ->
                environments.setVariable(
                    "Finance", "Prod", "a|b", VariableType.STRING, "x", false, null))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
        .hasMessageStartingWith("environment variable name \"a|b\" contains '|'");
  }

  private <T> T scalar(String sql, Class<T> type) {
    return cut.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).one());
  }
}
