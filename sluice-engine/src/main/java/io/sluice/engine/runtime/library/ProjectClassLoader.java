package io.sluice.engine.runtime.library;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loader of one run over its project's {@code lib/} jars. Its parent is Sluice's own
 * loader (parent first, as usual): the engine's classes are shared, JIT-compiled once, and a class
 * Sluice bundles (the PostgreSQL driver) is Sluice's even if a jar repeats it.
 */
final class ProjectClassLoader extends URLClassLoader {

  private static final Logger log = LoggerFactory.getLogger(ProjectClassLoader.class);

  static {
    ClassLoader.registerAsParallelCapable();
    // DriverManager loads the class path's drivers once, through the context class loader of the
    // first thread that asks. Ask now, with Sluice's loader, so that it is never a project's
    // loader (whose drivers DriverManager would then keep for every project).
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ProjectClassLoader.class.getClassLoader());
    try {
      DriverManager.getDrivers();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private final List<Path> jars;
  private volatile List<Driver> drivers;

  ProjectClassLoader(String name, List<Path> jars) {
    super(name, urls(jars), ProjectClassLoader.class.getClassLoader());
    this.jars = jars;
  }

  /**
   * Connects with the first driver of the project's jars that accepts the URL, else through
   * DriverManager — which, called from Sluice's code, hands out only drivers of Sluice's class
   * path, never another project's.
   */
  Connection connect(String url, Properties info) throws SQLException {
    for (Driver driver : drivers()) {
      if (driver.acceptsURL(url)) {
        Connection connection = driver.connect(url, info);
        if (connection != null) {
          return connection;
        }
      }
    }
    return DriverManager.getConnection(url, info);
  }

  /** The drivers the jars declare in {@code META-INF/services/java.sql.Driver}, loaded once. */
  private List<Driver> drivers() throws SQLException {
    List<Driver> known = drivers;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (drivers == null) {
        List<Driver> found = new ArrayList<>();
        try {
          for (ServiceLoader.Provider<Driver> provider :
              ServiceLoader.load(Driver.class, this).stream().toList()) {
            // the search also finds the class path's drivers (through the parent): not ours
            if (provider.type().getClassLoader() == this) {
              found.add(provider.get());
            }
          }
        } catch (ServiceConfigurationError e) {
          throw new SQLException(
              "a JDBC driver of the project's lib/ folder "
                  + jarNames()
                  + " cannot be loaded: "
                  + e.getMessage()
                  + "; replace the jar with the driver's jar as its vendor publishes it, with"
                  + " the jars it needs",
              "08001",
              e);
        }
        drivers = List.copyOf(found);
      }
      return drivers;
    }
  }

  /** Deregisters the jars' drivers from DriverManager, then closes the jars. */
  @Override
  public void close() throws IOException {
    try {
      List<String> removed = deregisterDrivers();
      log.debug("{}: deregistered drivers {}", getName(), removed);
    } catch (ReflectiveOperationException | LinkageError | IOException | RuntimeException e) {
      log.warn(
          "{}: cannot deregister its JDBC drivers; their classes stay loaded: {}", getName(), e);
    }
    super.close();
  }

  @SuppressWarnings("unchecked")
  private List<String> deregisterDrivers() throws ReflectiveOperationException, IOException {
    String name = DriverRegistrations.class.getName();
    byte[] bytes;
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new IOException(name + ".class is not on the class path");
      }
      bytes = in.readAllBytes();
    }
    Class<?> ownCopy = defineClass(name, bytes, 0, bytes.length);
    return ((Supplier<List<String>>) ownCopy.getConstructor().newInstance()).get();
  }

  private String jarNames() {
    return jars.stream().map(p -> p.getFileName().toString()).toList().toString();
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalArgumentException("not a jar path: " + jars.get(i), e);
      }
    }
    return urls;
  }
}
