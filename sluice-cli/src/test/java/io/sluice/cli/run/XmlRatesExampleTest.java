package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/xml-rates, whose data is in the repository, run by {@code sluice run}: the distribution
 * has sluice-xml's Xml task and XmlSource; project validate refuses a misspelt XmlSource setting;
 * the package's XML tasks are the ones docs/package-format.md shows.
 */
class XmlRatesExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "xml-rates");

  @Test
  void sluiceRunValidatesCountsTransformsAndLoadsTheRates(@TempDir Path out) throws Exception {
    CliRun.Result run =
        CliRun.run(
            "run",
            EXAMPLE.toString(),
            "--param",
            "$Project::DataFolder=" + EXAMPLE.resolve("data"),
            "--param",
            "$Project::OutFolder=" + out);

    assertThat(run.exitCode()).as(run.out() + "\n" + run.err()).isZero();
    assertThat(Files.readString(out.resolve("rates.csv")))
        .isEqualTo("currency,rate\nUSD,1.08\nGBP,0.86\nJPY,162.5\nCHF,0.95\n");
    assertThat(Files.readString(out.resolve("loaded.csv")))
        .isEqualTo("Currency,Rate\r\nUSD,1.0800\r\nGBP,0.8600\r\nJPY,162.5000\r\nCHF,0.9500\r\n");
  }

  @Test
  void projectValidateAcceptsTheExampleAndRefusesAMisspeltSetting(@TempDir Path dir)
      throws Exception {
    CliRun.Result valid = CliRun.run("project", "validate", EXAMPLE.toString());
    assertThat(valid.exitCode()).as(valid.err()).isZero();

    Path copy = dir.resolve("xml-rates");
    Files.createDirectories(copy.resolve("packages"));
    Files.copy(EXAMPLE.resolve("project.yaml"), copy.resolve("project.yaml"));
    Files.writeString(
        copy.resolve("packages/rates.yaml"),
        Files.readString(EXAMPLE.resolve("packages/rates.yaml"))
            .replace("rowPath:", "rowpath:")
            .replace("failOnValidationFail:", "failOnValidationFailure:"));

    CliRun.Result refused = CliRun.run("project", "validate", copy.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("unknown key 'failOnValidationFailure' in an Xml task")
        .contains("unknown setting 'rowpath' in an XmlSource component");
  }

  @Test
  void theDocsShowTheXmlTasksThatRun() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "package-format.md"));
    String example = Files.readString(EXAMPLE.resolve("packages/rates.yaml"));
    assertThat(docs).contains(example.substring(0, example.indexOf("  - name: Load rates")));
  }
}
