package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RawFileDestination then RawFileSource: the staging format between packages. */
class RawFileTest {

  @TempDir Path temp;

  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  private static final String RATE_COLUMNS =
      "{delimiter: '\\t', headerRow: false, columns: [{name: AverageRate, type: DT_R8},"
          + " {name: CurrencyID, type: 'DT_WSTR,3'}, {name: CurrencyDate, type: DT_DBTIMESTAMP},"
          + " {name: EndOfDayRate, type: 'DT_NUMERIC,18,9'}]}";

  private static final String WRITE =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: rates}
        - {name: Stage, type: RawFileDestination, input: Read, connection: staging, writeOption: %s}
      """;

  private static final String READ =
      """
      components:
        - {name: Read staged, type: RawFileSource, connection: staging}
        - {name: Keep, type: RecordsetDestination, input: Read staged, variable: User::Rows}
      """;

  private static final String READ_FLAT =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: rates}
        - {name: Keep, type: RecordsetDestination, input: Read, variable: User::Other}
      """;

  private SimpleDataFlowEnvironment env(Path staging) {
    return Flows.environment(temp)
        .flatFile("rates", RATES, Flows.settings(RATE_COLUMNS))
        .file("staging", staging)
        .build();
  }

  @Test
  void theTutorialsRatesReadBackWithTheirExactTypesAndValues() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);

    Flows.runOk(WRITE.formatted("createAlways"), env);
    Flows.runOk(READ, env);
    Flows.runOk(READ_FLAT, env);

    List<Map<String, Object>> staged = Flows.rows(env, "User::Rows");
    List<Map<String, Object>> direct = Flows.rows(env, "User::Other");
    assertThat(staged).hasSize(1097).isEqualTo(direct);
    Map<String, Object> first = staged.get(0);
    assertThat(first.values())
        .extracting(v -> v.getClass().getSimpleName())
        .containsExactly("Double", "String", "LocalDateTime", "BigDecimal");
    assertThat(first.get("EndOfDayRate").toString()).as("scale kept").isEqualTo("0.999800040");
  }

  @Test
  void theSourceReadsTheColumnsItNamesInItsOrder() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);
    Flows.runOk(WRITE.formatted("createAlways"), env);

    Flows.runOk(
        """
        components:
          - {name: Read staged, type: RawFileSource, connection: staging, columns: [EndOfDayRate, currencyid]}
          - {name: Keep, type: RecordsetDestination, input: Read staged, variable: User::Rows}
        """,
        env);

    Map<String, Object> first = Flows.rows(env, "User::Rows").get(0);
    assertThat(first.keySet()).containsExactly("EndOfDayRate", "CurrencyID");
    assertThat(first.get("CurrencyID")).isEqualTo("USD");

    assertThatThrownBy(
            () ->
                Flows.run(
                    "components: [{name: R, type: RawFileSource, connection: staging, columns: [Rate]}]",
                    env))
        .hasMessageContaining("has no column 'Rate'; it has [AverageRate, CurrencyID");
  }

  @Test
  void writeOptionsAreSsiss() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);

    Flows.runOk(WRITE.formatted("createOnce"), env);
    DataFlowResult again = Flows.run(WRITE.formatted("createOnce"), env);
    assertThat(again.succeeded()).isFalse();
    assertThat(again.failure())
        .contains("component 'Stage'")
        .contains("already exists and writeOption is createOnce");

    Flows.runOk(WRITE.formatted("append"), env);
    Flows.runOk(READ, env);
    assertThat(Flows.rows(env, "User::Rows")).hasSize(2 * 1097);

    Flows.runOk(WRITE.formatted("truncateAndAppend"), env);
    Flows.runOk(READ, env);
    assertThat(Flows.rows(env, "User::Rows")).hasSize(1097);

    Flows.runOk(WRITE.formatted("createAlways"), env);
    Flows.runOk(READ, env);
    assertThat(Flows.rows(env, "User::Rows")).hasSize(1097);
  }

  @Test
  void appendingOtherColumnsOrToNoFileFails() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);

    DataFlowResult missing = Flows.run(WRITE.formatted("append"), env);
    assertThat(missing.failure())
        .contains("raw file '" + staging + "' does not exist and writeOption is append");

    Flows.runOk(WRITE.formatted("createAlways"), env);
    String fewer =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Stage, type: RawFileDestination, input: Read, connection: staging, writeOption: append, columns: [CurrencyID]}
        """;
    DataFlowResult other = Flows.run(fewer, env);
    assertThat(other.failure())
        .contains("has the columns [AverageRate (DT_R8)")
        .contains("the rows to append have [CurrencyID (DT_WSTR,3)]");
  }

  @Test
  void aFileThatIsNoRawFileOrOfAnotherVersionIsNamed() throws Exception {
    Path text = Flows.file(temp, "rates.txt", "1\tARS\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Flows.run(READ, env(text)))
        .isInstanceOf(DataFlowException.class)
        .hasMessageContaining("component 'Read staged' (RawFileSource)")
        .hasMessageContaining("'" + text + "' is not a Sluice raw file");

    Path future = temp.resolve("future.raw");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(future))) {
      out.write("SLUICERAW".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(99);
      out.writeInt(0);
    }
    assertThatThrownBy(() -> Flows.run(READ, env(future)))
        .hasMessageContaining("'" + future + "' is a raw file of format version 99")
        .hasMessageContaining("this Sluice reads version 1");

    assertThatThrownBy(() -> Flows.run(READ, env(temp.resolve("none.raw"))))
        .hasMessageContaining("does not exist; hint: run the package that writes it first");
  }

  @Test
  void aFileCutShortFailsTheRead() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);
    Flows.runOk(WRITE.formatted("createAlways"), env);
    byte[] bytes = Files.readAllBytes(staging);
    Files.write(staging, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    DataFlowResult result = Flows.run(READ, env);
    assertThat(result.failure()).contains("is cut short inside a block");
  }

  @Test
  void aBlockLengthLargerThanTheFileFailsBeforeAnythingIsAllocated() throws Exception {
    Path staging = temp.resolve("rates.raw");
    var env = env(staging);
    Flows.runOk(WRITE.formatted("createAlways"), env);
    byte[] header = Arrays.copyOf(Files.readAllBytes(staging), headerLength(staging));
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(staging))) {
      out.write(header);
      out.writeByte('B');
      out.writeInt(1);
      out.writeInt(Integer.MAX_VALUE);
    }

    DataFlowResult result = Flows.run(READ, env);
    assertThat(result.failure())
        .contains("raw file '" + staging + "' is damaged (a block of 1 rows in 2147483647 bytes)");
  }

  /** Where the first block starts: after the last column's type, DT_NUMERIC,18,9. */
  private static int headerLength(Path file) throws Exception {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    return text.indexOf("DT_NUMERIC,18,9") + "DT_NUMERIC,18,9".length();
  }

  @Test
  void aMisspeltWriteOptionIsRefused() {
    var env = env(temp.resolve("x.raw"));
    assertThatThrownBy(() -> Flows.run(WRITE.formatted("overwrite"), env))
        .hasMessageContaining(
            "writeOption 'overwrite' is not one of createAlways, createOnce, append, truncateAndAppend");
  }
}
