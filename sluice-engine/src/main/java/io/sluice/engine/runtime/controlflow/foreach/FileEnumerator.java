package io.sluice.engine.runtime.controlflow.foreach;

import io.sluice.engine.runtime.variable.Variables;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * SSIS's Foreach File enumerator: the files of a folder whose names match a mask ({@code *.csv},
 * {@code rates_??.txt}), optionally in sub-folders, as full paths, names with extension, or names
 * only. Files come in path order so runs are repeatable (SSIS uses the file system's order).
 */
record FileEnumerator(String folder, String mask, boolean recurse, Retrieve retrieve)
    implements ForeachEnumerator {

  enum Retrieve {
    FULLY_QUALIFIED,
    NAME_AND_EXTENSION,
    NAME_ONLY
  }

  @Override
  public List<List<Object>> items(Variables scope) throws Exception {
    Path dir = Path.of(folder);
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(folder, null, "the folder to enumerate does not exist");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + mask);
    try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> matcher.matches(p.getFileName()))
          .sorted()
          .map(p -> List.<Object>of(name(p)))
          .toList();
    }
  }

  private String name(Path file) {
    String fileName = file.getFileName().toString();
    return switch (retrieve) {
      case FULLY_QUALIFIED -> file.toAbsolutePath().toString();
      case NAME_AND_EXTENSION -> fileName;
      case NAME_ONLY ->
          fileName.lastIndexOf('.') > 0
              ? fileName.substring(0, fileName.lastIndexOf('.'))
              : fileName;
    };
  }
}
