package io.sluice.engine.runtime.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.testing.TestDriverJars;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {

  private static EmbeddedPostgres postgres;
  private static byte[] driverJar;

  @TempDir Path storeDir;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    driverJar = TestDriverJars.driverJar("3.1");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static ProjectFiles files(Map<String, byte[]> extra) {
    Map<String, byte[]> files = new java.util.HashMap<>(extra);
    files.put("project.yaml", "name: p\n".getBytes(StandardCharsets.UTF_8));
    return ProjectFiles.of(files);
  }

  @Test
  void aProjectWithoutLibrariesSharesSluicesLoaderAndWritesNothing() throws Exception {
    ProjectLibraries libraries = ProjectLibraries.of(files(Map.of()), new JarStore(storeDir));

    assertThat(libraries).isSameAs(ProjectLibraries.NONE);
    assertThat(libraries.open("p")).isSameAs(TaskLoader.SHARED);
    assertThat(TaskLoader.SHARED.isolated()).isFalse();
    try (Stream<Path> written = Files.list(storeDir)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void theSameJarIsWrittenOnceForEveryVersionThatShipsIt() throws Exception {
    JarStore store = new JarStore(storeDir);
    ProjectLibraries first = ProjectLibraries.of(files(Map.of("lib/d.jar", driverJar)), store);
    ProjectLibraries second =
        ProjectLibraries.of(
            files(Map.of("lib/d.jar", driverJar, "notes.txt", new byte[] {1})), store);

    assertThat(second.jars()).isEqualTo(first.jars());
    assertThat(first.jars().get(0)).hasFileName("d.jar").hasBinaryContent(driverJar);
    try (Stream<Path> folders = Files.list(storeDir)) {
      assertThat(folders).hasSize(1);
    }
  }

  @Test
  void connectsThroughTheJarAndSluicesClassPathCannot() throws Exception {
    String url = TestDriverJars.url(postgres.getJdbcUrl("postgres", "postgres"));
    ProjectLibraries libraries =
        ProjectLibraries.of(files(Map.of("lib/d.jar", driverJar)), new JarStore(storeDir));

    try (TaskLoader loader = libraries.open("p");
        Connection c = loader.connect(url, new Properties());
        ResultSet rs =
            c.createStatement().executeQuery("select current_setting('sluicetest.version')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("3.1");
    }
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> JdbcDrivers.classPath().connect(url, new Properties())))
        .hasMessageStartingWith("No suitable driver");
  }

  /**
   * JDBC drivers register themselves with DriverManager, which would keep every attempt's loader
   * (and its classes) for the life of the worker; closing the loader removes that registration.
   */
  @Test
  void aClosedLoaderIsNotKeptAliveByTheDriversItRegistered() throws Exception {
    String url = TestDriverJars.url(postgres.getJdbcUrl("postgres", "postgres"));
    ProjectLibraries libraries =
        ProjectLibraries.of(files(Map.of("lib/d.jar", driverJar)), new JarStore(storeDir));
    WeakReference<ClassLoader> loaderRef = connectAndClose(libraries, url);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              System.gc();
              return loaderRef.get() == null;
            });
  }

  private static WeakReference<ClassLoader> connectAndClose(ProjectLibraries libraries, String url)
      throws Exception {
    TaskLoader loader = libraries.open("p");
    try (Connection c = loader.connect(url, new Properties())) {
      assertThat(c.isValid(1)).isTrue();
    } finally {
      loader.close();
    }
    return new WeakReference<>(loader.classLoader());
  }
}
