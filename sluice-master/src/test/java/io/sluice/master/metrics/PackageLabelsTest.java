package io.sluice.master.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The duration histogram's package labels stay bounded, whatever names users give. */
class PackageLabelsTest {

  @Test
  void packagesPastTheLimitShareTheOtherLabels() {
    PackageLabels labels = new PackageLabels(2);

    assertThat(labels.of("F", "P", "A")).containsExactly("F", "P", "A");
    assertThat(labels.of("F", "P", "B")).containsExactly("F", "P", "B");
    assertThat(labels.of("F", "P", "C")).containsExactly("_other", "_other", "_other");
    assertThat(labels.of("G", "P", "A")).as("a folder makes another package").contains("_other");
    assertThat(labels.of("F", "P", "A"))
        .as("a known package keeps its labels")
        .containsExactly("F", "P", "A");
  }

  @Test
  void longNamesAreCut() {
    String name = "x".repeat(1000);

    List<String> cut = new PackageLabels(10).of("F", "P", name);

    assertThat(cut.get(2)).hasSize(PackageLabels.MAX_LENGTH);
  }
}
