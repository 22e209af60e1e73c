package io.sluice.engine.dataflow.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A cache connection of a package run (SSIS's Cache connection manager): the rows a Cache Transform
 * wrote, held in memory for the Lookups of later data flows of the same run, and written to {@code
 * file} when one is set so that later packages (or runs) read them from there.
 *
 * <p>One object per connection and package run (the run's connections hand out the same one to
 * every data flow), so what one data flow writes the next one reads.
 */
public final class CacheConnection {

  private final String name;
  private final CacheColumns columns;
  private final Path file;
  private List<Object[]> rows;
  private String writer;

  public CacheConnection(String name, CacheColumns columns, Path file) {
    this.name = name;
    this.columns = columns;
    this.file = file;
  }

  public String name() {
    return name;
  }

  public CacheColumns columns() {
    return columns;
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Claims the cache for a Cache Transform: as in SSIS, only the first one of a package run may
   * write a cache connection; a second fails.
   */
  public synchronized void claim(String component) {
    if (writer != null && !writer.equals(component)) {
      throw new IllegalStateException(
          "cache connection '"
              + name
              + "' was already written by '"
              + writer
              + "' in this run; only one Cache Transform may write a cache connection");
    }
    writer = component;
  }

  /** Replaces the rows (unique by key) and writes the file when the connection has one. */
  public synchronized void fill(List<Object[]> unique) {
    if (file != null) {
      CacheFile.write(file, columns, unique);
    }
    rows = List.copyOf(unique);
  }

  /** The rows of this run's Cache Transform, else of the file; an empty cache is an error. */
  public synchronized List<Object[]> rows() {
    if (rows == null) {
      if (file == null || !Files.exists(file)) {
        throw new IllegalStateException(
            "cache connection '"
                + name
                + "' is empty: no Cache Transform filled it in this run"
                + (file == null
                    ? " and it has no file"
                    : " and its file " + file + " does not exist")
                + "; hint: run a data flow with a Cache Transform on it first (a task that precedes"
                + " this one), or give the connection the file an earlier package wrote");
      }
      rows = CacheFile.read(file, columns);
    }
    return rows;
  }
}
