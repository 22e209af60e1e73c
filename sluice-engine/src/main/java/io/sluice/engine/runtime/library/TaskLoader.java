package io.sluice.engine.runtime.library;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classes one run sees: Sluice's, plus its project's {@code lib/} jars in a class loader of its
 * own, which becomes the context class loader of the run's threads and is closed when the run ends
 * (releasing the jars). Two projects never see each other's jars, even two versions of the same
 * driver; a project without jars gets {@link #SHARED}, which costs nothing.
 */
public final class TaskLoader implements JdbcDrivers, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskLoader.class);

  /** For projects without {@code lib/}: Sluice's own class loader and class path drivers. */
  public static final TaskLoader SHARED = new TaskLoader(null);

  private final ProjectClassLoader loader;

  TaskLoader(ProjectClassLoader loader) {
    this.loader = loader;
  }

  /** Whether the run has a class loader of its own (its project has {@code lib/} jars). */
  public boolean isolated() {
    return loader != null;
  }

  /** The loader to make the context class loader of the run's threads. */
  public ClassLoader classLoader() {
    return loader != null ? loader : TaskLoader.class.getClassLoader();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return loader != null ? loader.connect(url, info) : JdbcDrivers.classPath().connect(url, info);
  }

  /**
   * Closes the run's own loader. Threads of the run that are still alive get errors for classes
   * they have not loaded yet; a run closes its loader only once its threads were told to stop.
   */
  @Override
  public void close() {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException e) {
      log.warn("cannot close the jars of {}: {}", loader.getName(), e.getMessage());
    }
  }
}
