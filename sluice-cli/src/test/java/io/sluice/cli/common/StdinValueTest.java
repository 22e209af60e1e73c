package io.sluice.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdinValueTest {

  @Test
  void removesOneLineEndAndKeepsEverythingElse() {
    assertThat(read("s3cret!\n")).isEqualTo("s3cret!");
    assertThat(read("s3cret!\r\n")).isEqualTo("s3cret!");
    assertThat(read(" two words \n\n")).isEqualTo(" two words \n");
    assertThat(read("no line end")).isEqualTo("no line end");
    assertThat(read("")).isEmpty();
  }

  @Test
  void anythingButDashIsTheValueItself() {
    assertThat(StdinValue.resolve("--")).isEqualTo("--");
    assertThat(StdinValue.resolve("-1")).isEqualTo("-1");
  }

  @Test
  void refusesAFileInsteadOfAValue() {
    assertThatThrownBy(() -> read("x".repeat(64 * 1024 + 1)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("longer than 64 KiB");
  }

  private static String read(String text) {
    return StdinValue.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
