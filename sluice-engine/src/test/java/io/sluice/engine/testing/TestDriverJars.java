package io.sluice.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real JDBC driver jars, compiled from source at test time: class {@code sluicetest.Driver} (the
 * same name in every version, as two releases of one driver have) accepts {@code
 * jdbc:sluicetest:REST} and connects to {@code jdbc:REST} (e.g. a PostgreSQL URL) through
 * DriverManager, then records in the session, for the package to read back with {@code
 * current_setting}: {@code sluicetest.version}, the version it was built as, and {@code
 * sluicetest.context_loader}, {@code project} when the connecting thread's context class loader is
 * the one that loaded the driver.
 */
public final class TestDriverJars {

  public static final String URL_PREFIX = "jdbc:sluicetest:";

  private TestDriverJars() {}

  /** {@code jdbc:postgresql://...} as the test driver's URL. */
  public static String url(String postgresqlUrl) {
    return URL_PREFIX + postgresqlUrl.substring("jdbc:".length());
  }

  /** The bytes of a driver jar reporting {@code version}. */
  public static byte[] driverJar(String version) {
    return compiled(SOURCE.replace("VERSION", version));
  }

  /** The URL the careless driver ({@link #writeCarelessTo}) accepts. */
  public static final String CARELESS_URL = "jdbc:careless:warehouse";

  /**
   * Writes a driver jar to {@code projectDir/lib/careless.jar} whose every connection attempt fails
   * with an SQLException quoting the user and password it was given, as some drivers do: the
   * password then reaches any message that quotes the driver's error.
   */
  public static Path writeCarelessTo(Path projectDir) {
    try {
      Path lib = Files.createDirectories(projectDir.resolve("lib"));
      return Files.write(lib.resolve("careless.jar"), carelessDriverJar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of the careless driver's jar ({@link #writeCarelessTo}). */
  public static byte[] carelessDriverJar() {
    return compiled(CARELESS_SOURCE);
  }

  /** A jar of class {@code sluicetest.Driver} compiled from {@code driverSource}. */
  private static byte[] compiled(String driverSource) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sluicetest-driver-");
      Path source = dir.resolve("src/sluicetest/Driver.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, driverSource);
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      if (compiler == null) {
        throw new IllegalStateException("tests need a JDK (javax.tools), not a JRE");
      }
      int exit =
          compiler.run(
              null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
      if (exit != 0) {
        throw new IllegalStateException("the test driver does not compile");
      }
      return jar(
          List.of(
              new Entry(
                  "META-INF/services/java.sql.Driver",
                  "sluicetest.Driver\n".getBytes(StandardCharsets.UTF_8)),
              new Entry(
                  "sluicetest/Driver.class",
                  Files.readAllBytes(classes.resolve("sluicetest/Driver.class")))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary folder harms no test
    }
  }

  /** Writes {@code driverJar(version)} to {@code projectDir/lib/fileName}. */
  public static Path writeTo(Path projectDir, String fileName, String version) {
    try {
      Path lib = Files.createDirectories(projectDir.resolve("lib"));
      return Files.write(lib.resolve(fileName), driverJar(version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Entry(String name, byte[] bytes) {}

  private static byte[] jar(List<Entry> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (Entry e : entries) {
        jar.putNextEntry(new JarEntry(e.name()));
        jar.write(e.bytes());
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The methods of java.sql.Driver both test drivers answer alike, and the class's end. */
  private static final String DRIVER_METHODS =
      """
        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
          return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
          return 1;
        }

        @Override
        public int getMinorVersion() {
          return 0;
        }

        @Override
        public boolean jdbcCompliant() {
          return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
          throw new SQLFeatureNotSupportedException();
        }
      }
      """;

  private static final String CARELESS_SOURCE =
      """
      package sluicetest;

      import java.sql.Connection;
      import java.sql.DriverManager;
      import java.sql.DriverPropertyInfo;
      import java.sql.SQLException;
      import java.sql.SQLFeatureNotSupportedException;
      import java.util.Properties;
      import java.util.logging.Logger;

      public final class Driver implements java.sql.Driver {
        static {
          try {
            DriverManager.registerDriver(new Driver());
          } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
          }
        }

        @Override
        public boolean acceptsURL(String url) {
          return url != null && url.startsWith("jdbc:careless:");
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
          if (!acceptsURL(url)) {
            return null;
          }
          throw new SQLException(
              "login failed for " + info.getProperty("user") + "/" + info.getProperty("password"),
              "28000");
        }

      """
          + DRIVER_METHODS;

  private static final String SOURCE =
      """
      package sluicetest;

      import java.sql.Connection;
      import java.sql.DriverManager;
      import java.sql.DriverPropertyInfo;
      import java.sql.SQLException;
      import java.sql.SQLFeatureNotSupportedException;
      import java.sql.Statement;
      import java.util.Properties;
      import java.util.logging.Logger;

      public final class Driver implements java.sql.Driver {
        private static final String PREFIX = "jdbc:sluicetest:";

        static {
          try {
            DriverManager.registerDriver(new Driver()); // as real drivers do
          } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
          }
        }

        @Override
        public boolean acceptsURL(String url) {
          return url != null && url.startsWith(PREFIX);
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
          if (!acceptsURL(url)) {
            return null;
          }
          Connection c = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
          boolean ownLoader =
              Thread.currentThread().getContextClassLoader() == Driver.class.getClassLoader();
          try (Statement s = c.createStatement()) {
            s.execute("set sluicetest.version = 'VERSION'");
            s.execute(
                "set sluicetest.context_loader = '" + (ownLoader ? "project" : "other") + "'");
          }
          return c;
        }

      """
          + DRIVER_METHODS;
}
