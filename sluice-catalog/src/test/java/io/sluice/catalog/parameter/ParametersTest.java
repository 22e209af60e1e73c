package io.sluice.catalog.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogException.Reason;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersTest {

  @TempDir Path tmp;
  private CatalogUnderTest cut;
  private Parameters parameters;

  @BeforeEach
  void open() {
    cut = CatalogUnderTest.open();
    parameters = cut.catalog().parameters();
    cut.catalog().folders().create("Finance", "");
    cut.catalog().projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
  }

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void listsProjectAndPackageParametersWithTheValueThatWouldBeUsed() {
    List<ParameterInfo> list = parameters.list("Finance", "Sales");

    assertThat(list)
        .extracting(
            ParameterInfo::objectType,
            ParameterInfo::objectName,
            ParameterInfo::name,
            ParameterInfo::dataType,
            ParameterInfo::valueSource,
            ParameterInfo::value)
        .containsExactly(
            tuple(
                ObjectType.PROJECT,
                "Sales",
                "BatchSize",
                "Int32",
                ValueSource.DESIGN_DEFAULT,
                "500"),
            tuple(
                ObjectType.PROJECT,
                "Sales",
                "Password",
                "String",
                ValueSource.DESIGN_DEFAULT,
                "********"),
            tuple(ObjectType.PROJECT, "Sales", "Region", "String", ValueSource.MISSING, null),
            tuple(
                ObjectType.PROJECT,
                "Sales",
                "ServerName",
                "String",
                ValueSource.DESIGN_DEFAULT,
                "db1"),
            tuple(
                ObjectType.PACKAGE,
                "Load",
                "Day",
                "DateTime",
                ValueSource.DESIGN_DEFAULT,
                "2024-01-31"));
    ParameterInfo password = find("Password");
    assertThat(password.sensitive()).isTrue();
    assertThat(password.designDefault()).isEqualTo("********");
    assertThat(find("Region").required()).isTrue();
  }

  @Test
  void literalServerValuesOverrideTheDesignDefault() {
    ParameterInfo set =
        parameters.setValue("Finance", "Sales", ObjectType.PROJECT, null, "BatchSize", "1000");
    parameters.setValue("Finance", "Sales", ObjectType.PACKAGE, "Load", "Day", "2025-02-01");

    assertThat(set.serverValue()).isEqualTo("1000");
    assertThat(set.valueSource()).isEqualTo(ValueSource.SERVER_VALUE);
    assertThat(set.value()).isEqualTo("1000");
    assertThat(set.designDefault()).isEqualTo("500");
    assertThat(find("Day").value()).isEqualTo("2025-02-01");
    // A required parameter is satisfied by a server value.
    assertThat(
            parameters
                .setValue("Finance", "Sales", ObjectType.PROJECT, null, "Region", "EMEA")
                .valueSource())
        .isEqualTo(ValueSource.SERVER_VALUE);
  }

  @Test
  void referencesPointAtAnEnvironmentVariableAndClearRestoresTheDefault() {
    ParameterInfo ref =
        parameters.setReference(
            "Finance", "Sales", ObjectType.PROJECT, null, "ServerName", "DbHost");
    assertThat(ref.referencedVariable()).isEqualTo("DbHost");
    assertThat(ref.serverValue()).isNull();
    assertThat(ref.serverValueText()).isEqualTo("-> environment variable DbHost");
    assertThat(ref.valueSource()).isEqualTo(ValueSource.ENVIRONMENT_VARIABLE);

    ParameterInfo cleared =
        parameters.clearValue("Finance", "Sales", ObjectType.PROJECT, null, "ServerName");
    assertThat(cleared.referencedVariable()).isNull();
    assertThat(cleared.valueSource()).isEqualTo(ValueSource.DESIGN_DEFAULT);
    assertThat(cleared.value()).isEqualTo("db1");
  }

  @Test
  void valuesAreCheckedAgainstTheDataType() {
    assertThatThrownBy(
            () ->
                parameters.setValue(
                    "Finance", "Sales", ObjectType.PROJECT, null, "BatchSize", "lots"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "parameter 'BatchSize' is Int32: \"lots\" is not an Int32 (a whole number"
                          + " from -2147483648 to 2147483647)");
            });
    assertThatThrownBy(
            () ->
                parameters.setValue(
                    "Finance", "Sales", ObjectType.PACKAGE, "Load", "Day", "monday"))
        .hasMessageContaining("is not a DateTime");
    assertThat(find("BatchSize").serverValue()).isNull();
  }

  @Test
  void unknownParameterNamesTheOwnerAndListsWhatExists() {
    assertThatThrownBy(
            () -> parameters.setValue("Finance", "Sales", ObjectType.PROJECT, null, "Batch", "1"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("project 'Sales' has no parameter 'Batch'");
              assertThat(e.hint())
                  .isEqualTo("its parameters are: BatchSize, Password, Region, ServerName");
            });
    assertThatThrownBy(
            () -> parameters.setValue("Finance", "Sales", ObjectType.PROJECT, null, "Day", "1"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e ->
                assertThat(e.hint())
                    .startsWith("'Day' is a parameter of package Load: add --package Load;"));
    assertThatThrownBy(
            () -> parameters.clearValue("Finance", "Sales", ObjectType.PACKAGE, "Load", "X"))
        .hasMessage("package 'Load' has no parameter 'X'");
    assertThatThrownBy(
            () -> parameters.clearValue("Finance", "Sales", ObjectType.PACKAGE, "Helper", "X"))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.hint()).contains("has no parameters at all"));
    assertThatThrownBy(
            () -> parameters.clearValue("Finance", "Sales", ObjectType.PACKAGE, "Nope", "X"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("project 'Sales' has no package 'Nope'");
              assertThat(e.hint()).isEqualTo("its packages are: Helper, Load");
            });
    assertThatThrownBy(
            () -> parameters.clearValue("Finance", "Sales", ObjectType.PROJECT, "Load", "X"))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void sensitiveServerValuesAreStoredEncryptedAndShownMasked() {
    ParameterInfo set =
        parameters.setValue(
            "Finance", "Sales", ObjectType.PROJECT, null, "Password", "hunter2-live");

    assertThat(set.serverValue()).isEqualTo("********");
    assertThat(set.value()).isEqualTo("********");
    Map<String, Object> row =
        cut.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select server_value, server_value_secret from parameter where name ="
                                + " 'Password'")
                        .mapToMap()
                        .one());
    assertThat(row.get("server_value")).isNull();
    byte[] secret = (byte[]) row.get("server_value_secret");
    assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2-live");
    assertThat(cut.context().cipher().decrypt(secret)).isEqualTo("hunter2-live");
    assertThat(parameters.list("Finance", "Sales").toString()).doesNotContain("hunter2-live");
  }

  @Test
  void serverValuesAreCarriedToTheNextVersionWhileNameAndTypeStay() {
    parameters.setValue("Finance", "Sales", ObjectType.PROJECT, null, "BatchSize", "1000");
    parameters.setValue("Finance", "Sales", ObjectType.PROJECT, null, "Password", "live-secret");
    parameters.setReference("Finance", "Sales", ObjectType.PROJECT, null, "ServerName", "DbHost");
    parameters.setValue("Finance", "Sales", ObjectType.PACKAGE, "Load", "Day", "2025-02-01");

    // Version 2: BatchSize becomes Int64 (value dropped), Day moves out of package Load.
    var result =
        cut.catalog()
            .projects()
            .deploy(
                "Finance",
                TestProjects.project("Sales")
                    .parameters(
                        """
                        - name: ServerName
                          type: String
                        - name: BatchSize
                          type: Int64
                          default: "9"
                        - name: Password
                          type: String
                          sensitive: true
                        """)
                    .withPackage("Load2", "parameters:\n  - name: Day\n    type: DateTime\n")
                    .pack(tmp));

    assertThat(result.versionNumber()).isEqualTo(2);
    assertThat(result.carriedServerValues()).isEqualTo(2);
    assertThat(parameters.list("Finance", "Sales"))
        .extracting(ParameterInfo::name, ParameterInfo::valueSource, ParameterInfo::serverValueText)
        .containsExactly(
            tuple("BatchSize", ValueSource.DESIGN_DEFAULT, null),
            tuple("Password", ValueSource.SERVER_VALUE, "********"),
            tuple("ServerName", ValueSource.ENVIRONMENT_VARIABLE, "-> environment variable DbHost"),
            tuple("Day", ValueSource.MISSING, null));
  }

  private ParameterInfo find(String name) {
    return parameters.list("Finance", "Sales").stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
