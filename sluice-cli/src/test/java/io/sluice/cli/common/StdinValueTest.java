package io.sluice.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void anAtFileArgumentIsTheFilesTextAndTwoAtsAreALiteralAt(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "s3cret!\n");

    assertThat(StdinValue.resolveWithFile("@" + secret)).isEqualTo("s3cret!");
    assertThat(StdinValue.resolveWithFile("@@home")).isEqualTo("@home");
    assertThat(StdinValue.resolveWithFile("plain")).isEqualTo("plain");
    assertThat(
            StdinValue.resolveAssignments(
                List.of("Password=@" + secret, "Batch=500", "Tag=@@x", "NoValue"), "--param"))
        .containsExactly("Password=s3cret!", "Batch=500", "Tag=@x", "NoValue");
    assertThatThrownBy(() -> StdinValue.resolveWithFile("@" + dir.resolve("missing")))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "cannot read a value from " + dir.resolve("missing") + ": there is no such file");
  }

  @Test
  void onlyOneAssignmentMayReadStandardInput() {
    assertThatThrownBy(() -> StdinValue.resolveAssignments(List.of("A=-", "B=-"), "--param"))
        .isInstanceOf(UsageException.class)
        .hasMessage("2 --param values ask for standard input, which holds only one")
        .extracting(e -> ((UsageException) e).hint())
        .isEqualTo("read the others from files: --param NAME=@FILE");
  }

  private static String read(String text) {
    return StdinValue.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
