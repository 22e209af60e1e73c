package io.sluice.engine.dataflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows of {@link ScriptComponentBenchmark} plan and run, on a small lineitem file, so a change
 * that breaks them is found by the tests and not when the benchmark is next run.
 */
class ScriptComponentBenchmarkFlowsTest {

  @TempDir Path dir;

  @Test
  void theScriptAndTheDerivedColumnFlowsRunEveryRow() throws Exception {
    Path file = LineitemFile.ensure(dir, 1000);

    ScriptComponentBenchmark.Measured derived =
        ScriptComponentBenchmark.run(file, ScriptComponentBenchmark.DERIVED);
    ScriptComponentBenchmark.Measured script =
        ScriptComponentBenchmark.run(file, ScriptComponentBenchmark.SCRIPT);

    assertThat(derived.rows()).isEqualTo(1000);
    assertThat(script.rows()).isEqualTo(1000);
  }
}
