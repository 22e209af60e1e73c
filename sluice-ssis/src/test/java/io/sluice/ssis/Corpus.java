package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public corpus of SSIS packages and projects the import tests read: datasets/ssis-packages.
 */
public final class Corpus {

  public static final Path ROOT =
      Path.of("..", "datasets", "ssis-packages").toAbsolutePath().normalize();

  private Corpus() {}

  /**
   * The corpus's files whose names end with {@code suffix}, sorted; fails when there are fewer than
   * {@code atLeast}, so a missing corpus cannot pass as a test of nothing.
   */
  public static List<Path> files(String suffix, int atLeast) throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> list =
          files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(atLeast);
      return list;
    }
  }
}
