package io.sluice.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accessor names the SSIS importer reads from sluice-script (AccessorNames) are the
 * generator's: the rules of docs/script-task.md, and the same refusals with the same messages.
 */
class AccessorNamesTest {

  @Test
  void namesAreMadeAsSsisMakesPropertyNames() {
    assertThat(
            AccessorNames.ofColumns(
                List.of("Order Date", "Unit-Price ($)", "rate", "2024 Total"), "Input0Buffer"))
        .containsExactly("OrderDate", "UnitPrice", "Rate", "_2024Total");
    assertThat(AccessorNames.ofOutputs(List.of("Odd Rows", "Output 1")))
        .containsExactly("OddRows", "Output1");
  }

  @Test
  void refusedNamesAreTheGeneratorsWithItsMessages() {
    assertThatThrownBy(
            () -> AccessorNames.ofColumns(List.of("Order Date", "orderdate"), "Input0Buffer"))
        .isInstanceOf(AccessorNames.NamingException.class)
        .hasMessageStartingWith(
            "columns 'Order Date' and 'orderdate' of Input0Buffer both make the accessor name");
    assertThatThrownBy(() -> AccessorNames.ofColumns(List.of("Class"), "RejectsBuffer"))
        .hasMessageStartingWith(
            "column 'Class' of RejectsBuffer would have the getter getClass(), which is Java's own");
    assertThatThrownBy(() -> AccessorNames.ofColumns(List.of("$ %"), "Input0Buffer"))
        .hasMessageStartingWith("column '$ %' of Input0Buffer has no letter or digit");
    assertThatThrownBy(() -> AccessorNames.ofOutputs(List.of("Output 0")))
        .hasMessage(
            "output 'Output 0' makes the class name Output0Buffer, which another output or"
                + " Input0Buffer has; rename the output");
    assertThatThrownBy(() -> AccessorNames.ofOutputs(List.of("Odd Rows", "oddrows")))
        .hasMessageStartingWith("output 'oddrows' makes the class name Oddrows");
  }
}
