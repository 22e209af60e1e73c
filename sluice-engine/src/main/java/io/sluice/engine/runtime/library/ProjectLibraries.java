package io.sluice.engine.runtime.library;

import io.sluice.engine.project.PluginFolder;
import io.sluice.engine.project.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JDBC driver and plugin jars of one project version ({@code lib/*.jar}, plus the process's
 * plugin folder), written to a {@link JarStore} once; every run of the project opens its own {@link
 * TaskLoader} over them. Immutable: a worker keeps one per parsed project and shares it between
 * attempts.
 */
public final class ProjectLibraries {

  /** A project without {@code lib/}: its runs share Sluice's class loader. */
  public static final ProjectLibraries NONE = new ProjectLibraries(List.of());

  private final List<Path> jars;

  private ProjectLibraries(List<Path> jars) {
    this.jars = List.copyOf(jars);
  }

  /**
   * The project's {@code lib/} jars, written to {@code store} unless already there; {@link #NONE}
   * (writing nothing, creating no folder) when it has none. Expects a project the parser accepted.
   */
  public static ProjectLibraries of(ProjectFiles files, JarStore store) {
    Map<String, byte[]> libraries = files.libraries();
    List<Path> installed = PluginFolder.jars(PluginFolder.configured());
    if (libraries.isEmpty() && installed.isEmpty()) {
      return NONE;
    }
    // the process's plugin folder (SLUICE_PLUGINS) after the project's own jars: each run loads
    // its own copy of both, so the project's lib/ wins on a class both have
    List<Path> jars = new ArrayList<>();
    for (Map.Entry<String, byte[]> jar : libraries.entrySet()) {
      String fileName = jar.getKey().substring(ProjectFiles.LIBRARIES_FOLDER.length());
      jars.add(store.store(fileName, jar.getValue()));
    }
    jars.addAll(installed);
    return new ProjectLibraries(jars);
  }

  /** Like {@link #of(ProjectFiles, JarStore)} with the process's {@link JarStore#temporary()}. */
  public static ProjectLibraries of(ProjectFiles files) {
    return files.libraries().isEmpty() && PluginFolder.jars(PluginFolder.configured()).isEmpty()
        ? NONE
        : of(files, JarStore.temporary());
  }

  public List<Path> jars() {
    return jars;
  }

  public boolean isEmpty() {
    return jars.isEmpty();
  }

  /**
   * A class loader of its own over the jars for one run, named {@code name} (it shows in thread
   * dumps and heap histograms); the shared {@link TaskLoader#SHARED} when there are none.
   */
  public TaskLoader open(String name) {
    return jars.isEmpty() ? TaskLoader.SHARED : new TaskLoader(new ProjectClassLoader(name, jars));
  }
}
