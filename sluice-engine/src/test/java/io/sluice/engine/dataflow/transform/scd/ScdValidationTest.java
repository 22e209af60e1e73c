package io.sluice.engine.dataflow.transform.scd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What `sluice project validate` refuses of a SlowlyChangingDimension without a database: misspelt
 * settings at any depth, unknown change types and options, at the component's line.
 */
class ScdValidationTest {

  private static final String SCD =
      """
      - name: Scd
              type: SlowlyChangingDimension
              input: Read
              connection: Dw
              table: dim_customer
              businessKey: [customer_id]
              columns: {name: changing, city: historical}
              historicalBy: {currentFlag: {column: is_current, current: true, expired: false}}
      """;

  private static List<Problem> problems(String scd) {
    String main =
        """
        tasks:
          - name: Flow
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: Rates}
              %s
        connections:
          - {name: Rates, type: flatFile, file: rates.txt, columns: [{name: customer_id}]}
          - {name: Dw, type: jdbc, url: 'jdbc:postgresql://localhost/dw'}
        """
            .formatted(scd);
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml", "name: v\n".getBytes(StandardCharsets.UTF_8),
                "packages/main.yaml", main.getBytes(StandardCharsets.UTF_8)));
    ProjectFormatException e =
        catchThrowableOfType(() -> ProjectParser.parse(files), ProjectFormatException.class);
    return e == null ? List.of() : e.problems();
  }

  @Test
  void theDocumentedShapeValidates() {
    assertThat(problems(SCD)).isEmpty();
  }

  @Test
  void aMisspeltSettingIsRefusedAtValidationWithTheOneMeant() {
    assertThat(problems(SCD.replace("businessKey:", "bussinessKey:")))
        .extracting(Problem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("unknown setting 'bussinessKey'")
                    .contains("did you mean 'businessKey'"));
  }

  @Test
  void aMisspeltNestedSettingOrChangeTypeIsRefusedAtValidation() {
    assertThat(problems(SCD.replace("{column: is_current", "{colum: is_current")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("packages/main.yaml");
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.message())
                  .startsWith("SlowlyChangingDimension: unknown setting 'colum'")
                  .contains("did you mean 'column'");
            });
    assertThat(problems(SCD.replace("city: historical", "city: type2")))
        .extracting(Problem::message)
        .containsExactly(
            "SlowlyChangingDimension: column 'city' has change type 'type2'; use fixed, changing"
                + " (type 1) or historical (type 2)");
    assertThat(problems(SCD + "        fixedAttributeChange: ignore\n"))
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("fixedAttributeChange 'ignore' is unknown; use fail");
    assertThat(
            problems(
                SCD.replace(
                    "historicalBy: {currentFlag: {column: is_current, current: true, expired: false}}",
                    "updateAllMatchingRecords: true")))
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("historical columns need 'historicalBy'");
  }
}
