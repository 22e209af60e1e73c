package io.sluice.worker.task;

import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.library.ProjectLibraries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Projects this worker parsed lately, by archive content. Every assignment carries the project
 * archive, and unpacking and parsing it (YAML, expressions) was a large share of a short task's CPU
 * on the worker; the same project version arrives again and again, and a parsed project is
 * immutable, so one parse serves every run of it (PackageRunner runs packages of one project at
 * once). Bounded, least recently used first out; large archives are not kept (their {@code lib/}
 * jars are still written only once: the jar store keeps them by content).
 */
public final class ParsedProjects {

  /**
   * A parsed project with the files its packages read and its {@code lib/} jars, written to disk
   * once for all its attempts (each attempt opens its own class loader over them).
   */
  public record Parsed(ProjectFiles files, Project project, ProjectLibraries libraries) {}

  private static final int MAX_CACHED_ARCHIVE_BYTES = 4 * 1024 * 1024;

  private final int capacity;
  private final Map<ArchiveKey, Parsed> parsed;

  public ParsedProjects(int capacity) {
    this.capacity = capacity;
    this.parsed = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The archive's project, parsed now or found from an earlier parse of the same bytes. */
  public Parsed parse(byte[] archive) {
    ArchiveKey key = new ArchiveKey(archive);
    synchronized (parsed) {
      Parsed known = parsed.get(key);
      if (known != null) {
        return known;
      }
    }
    ProjectFiles files = ProjectFiles.fromArchive(archive);
    Project project = ProjectParser.parse(files); // a bad archive throws: not kept
    Parsed fresh = new Parsed(files, project, ProjectLibraries.of(files));
    if (archive.length <= MAX_CACHED_ARCHIVE_BYTES) {
      synchronized (parsed) {
        parsed.put(key, fresh);
        if (parsed.size() > capacity) {
          parsed.remove(parsed.keySet().iterator().next());
        }
      }
    }
    return fresh;
  }

  /** Archive bytes as a map key, compared by content. */
  private static final class ArchiveKey {
    private final byte[] bytes;
    private final int hash;

    ArchiveKey(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ArchiveKey other
          && hash == other.hash
          && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
