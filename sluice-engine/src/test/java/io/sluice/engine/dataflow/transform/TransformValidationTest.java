package io.sluice.engine.dataflow.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What `sluice project validate` refuses of the new components without knowing their input columns:
 * misspelt settings, operations Sluice does not do, numbers out of range, unknown audit items; each
 * at the component's line, naming the component.
 */
class TransformValidationTest {

  private static ProjectFormatException validate(String component) {
    String main =
        """
        tasks:
          - name: Flow
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: Rates}
              %s
        connections:
          - {name: Rates, type: flatFile, file: rates.txt, columns: [{name: Name}]}
        """
            .formatted(component);
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml", "name: v\n".getBytes(StandardCharsets.UTF_8),
                "packages/main.yaml", main.getBytes(StandardCharsets.UTF_8)));
    ProjectFormatException e =
        catchThrowableOfType(() -> ProjectParser.parse(files), ProjectFormatException.class);
    assertThat(e).as("validation of %s", component).isNotNull();
    return e;
  }

  @Test
  void anOperationSluiceDoesNotDoIsRefusedAtValidation() {
    ProjectFormatException e =
        validate(
            "- {name: Map, type: CharacterMap, input: Read, columns: [{input: Name, operations: [simplifiedChinese]}]}");

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("packages/main.yaml");
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.message())
                  .startsWith("CharacterMap: column 'Name'")
                  .contains("operation 'simplifiedChinese' is not supported by Sluice");
            });
  }

  @Test
  void samplingNumbersAndAuditItemsAreCheckedAtValidation() {
    assertThat(validate("- {name: S, type: RowSampling, input: Read, rows: -5}").problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("RowSampling: ")
                    .contains("'rows' must be between 0 and 10000000"));
    assertThat(validate("- {name: P, type: PercentageSampling, input: Read}").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("needs 'percent'"));
    assertThat(
            validate("- {name: A, type: Audit, input: Read, columns: [{name: X, item: Host}]}")
                .problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("Audit: ")
                    .contains("audit item 'Host' is unknown"));
    assertThat(
            validate("- {name: U, type: Unpivot, input: Read, pivotKeyColum: K, columns: []}")
                .problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean 'pivotKeyColumn'?"));
  }
}
