package io.sluice.engine.testing;

import io.sluice.api.PluginDescriptor;
import io.sluice.api.SluiceApi;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Plugin jars built at test time as a plugin's own build makes them: sources compiled against
 * sluice-api, {@code META-INF/services} copied, and the descriptor written by {@link
 * PluginDescriptor} from the compiled classes (or given by hand, for a jar whose classes must not
 * run while it is built).
 */
public final class TestPluginJars {

  /** The example plugins' Maven-layout folder (examples/plugins), from a module's folder. */
  public static final Path EXAMPLES = Path.of("../examples/plugins");

  private TestPluginJars() {}

  /** The jar of examples/plugins: Greet, Numbers and UpperCase. */
  public static byte[] examples() {
    Path root = EXAMPLES.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      return build(sources, root.resolve("src/main/resources"), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A jar of one task type {@code Version} (class {@code sluicetest.VersionTask}, the same name in
   * every build, as two releases of one plugin have) that writes {@code version} into the variable
   * named by its {@code variable} setting.
   */
  public static byte[] versionTask(String version) {
    return fromSource(
        "sluicetest.VersionTask",
        """
        package sluicetest;

        import io.sluice.api.settings.*;
        import io.sluice.api.task.*;

        public final class VersionTask implements TaskPlugin {
          public String name() { return "Version"; }

          public SettingsSchema settings() {
            return SettingsSchema.of(Setting.text("variable").required());
          }

          public PluginTask prepare(TaskSetup setup) {
            String variable = setup.settings().text("variable");
            return context -> {
              context.variables().set(variable, "VERSION");
              context.events().information("plugin version VERSION");
              return TaskResult.SUCCESS;
            };
          }
        }
        """
            .replace("VERSION", version),
        TaskPlugin.class,
        null);
  }

  /**
   * A jar of task type {@code Sleep} that says {@code sleeping} in an Information event and then
   * sleeps for ever, ignoring {@code cancellation()}: only an interrupt ends it.
   */
  public static byte[] sleepTask() {
    return fromSource(
        "sluicetest.SleepTask",
        """
        package sluicetest;

        import io.sluice.api.settings.*;
        import io.sluice.api.task.*;

        public final class SleepTask implements TaskPlugin {
          public String name() { return "Sleep"; }

          public SettingsSchema settings() { return SettingsSchema.none(); }

          public PluginTask prepare(TaskSetup setup) {
            return context -> {
              context.events().information("sleeping");
              Thread.sleep(Long.MAX_VALUE);
              return TaskResult.SUCCESS;
            };
          }
        }
        """,
        TaskPlugin.class,
        null);
  }

  /**
   * A jar of task type {@code Probe} that calls the task API (variables typed and read-only,
   * parameters, a sensitive one, a connection, events) and says what it got in events, then leaks
   * the sensitive value in a warning and in the exception it fails with.
   */
  public static byte[] probeTask() {
    return fromSource(
        "sluicetest.ProbeTask",
        """
        package sluicetest;

        import io.sluice.api.PluginException;
        import io.sluice.api.context.*;
        import io.sluice.api.settings.*;
        import io.sluice.api.task.*;

        public final class ProbeTask implements TaskPlugin {
          public String name() { return "Probe"; }

          public SettingsSchema settings() {
            return SettingsSchema.of(Setting.connection("target", "file").required());
          }

          public PluginTask prepare(TaskSetup setup) {
            return context -> {
              Variables v = context.variables();
              Events e = context.events();
              e.information("count=" + v.get("User::Count", Integer.class));
              v.set("User::Count", 42);
              e.information("after=" + v.get("User::Count", Long.class));
              try {
                v.set("$Package::Region", "x");
              } catch (PluginException ex) {
                e.information("refused: " + ex.getMessage());
              }
              e.information("region=" + v.get("$Package::Region", String.class));
              e.information(
                  "readOnly=" + v.isReadOnly("$Package::Region") + "," + v.isReadOnly("User::Count"));
              try {
                v.get("$Project::Password");
              } catch (PluginException ex) {
                e.information("sensitive: " + ex.getMessage());
              }
              e.information("path=" + context.connections().path(context.settings().text("target")));
              e.progress("half way");
              e.warning("leak " + v.sensitiveValue("$Project::Password"));
              throw new IllegalStateException("failing with " + v.sensitiveValue("$Project::Password"));
            };
          }
        }
        """,
        TaskPlugin.class,
        null);
  }

  /**
   * A jar of destination {@code Sum} that adds up the Integer column named by its {@code column}
   * setting and writes the total into the variable named by {@code variable} after the last row.
   */
  public static byte[] sumDestination() {
    return fromSource(
        "sluicetest.SumDestination",
        """
        package sluicetest;

        import io.sluice.api.component.*;
        import io.sluice.api.settings.*;

        public final class SumDestination implements ComponentPlugin {
          public String name() { return "Sum"; }

          public ComponentKind kind() { return ComponentKind.DESTINATION; }

          public SettingsSchema settings() {
            return SettingsSchema.of(
                Setting.text("column").required(), Setting.text("variable").required());
          }

          public ComponentRuntime plan(ComponentSetup setup) {
            int column = setup.inputColumn(setup.settings().text("column"));
            String variable = setup.settings().text("variable");
            return new ComponentRuntime() {
              private ComponentContext context;
              private long sum;
              private long rows;

              public void preExecute(ComponentContext context) { this.context = context; }

              public void processInputRow(Row row) {
                Integer v = row.getInt(column);
                sum += v == null ? 0 : v;
                rows++;
              }

              public void postExecute() {
                context.variables().set(variable, (int) sum);
                context.events().information("Sum of " + rows + " rows: " + sum);
              }
            };
          }
        }
        """,
        ComponentPlugin.class,
        null);
  }

  /**
   * A jar of connection type {@code Greeter} (settings {@code prefix}, required, and {@code loud})
   * whose connection object is a {@code java.util.function.UnaryOperator<String>}, and of task type
   * {@code UseGreeter} that acquires the connection named by its {@code connection} setting and
   * says what it makes of "world".
   */
  public static byte[] greeterConnection() {
    String connection =
        """
        package sluicetest;

        import io.sluice.api.connection.*;
        import io.sluice.api.settings.*;
        import java.util.function.UnaryOperator;

        public final class GreeterConnection implements ConnectionPlugin {
          public String name() { return "Greeter"; }

          public SettingsSchema settings() {
            return SettingsSchema.of(Setting.text("prefix").required(), Setting.bool("loud"));
          }

          public Object acquire(SettingValues settings) {
            String prefix = settings.text("prefix");
            boolean loud = settings.bool("loud", false);
            return (UnaryOperator<String>) s -> loud ? (prefix + s).toUpperCase() : prefix + s;
          }
        }
        """;
    String task =
        """
        package sluicetest;

        import io.sluice.api.settings.*;
        import io.sluice.api.task.*;
        import java.util.function.UnaryOperator;

        public final class UseGreeter implements TaskPlugin {
          public String name() { return "UseGreeter"; }

          public SettingsSchema settings() {
            return SettingsSchema.of(Setting.connection("connection", "Greeter").required());
          }

          @SuppressWarnings("unchecked")
          public PluginTask prepare(TaskSetup setup) {
            return context -> {
              UnaryOperator<String> greeter =
                  context.connections().acquire(context.settings().text("connection"), UnaryOperator.class);
              context.events().information(greeter.apply("world"));
              return TaskResult.SUCCESS;
            };
          }
        }
        """;
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sluicetest-plugin-");
      Path src = Files.createDirectories(dir.resolve("src/sluicetest"));
      Files.writeString(src.resolve("GreeterConnection.java"), connection);
      Files.writeString(src.resolve("UseGreeter.java"), task);
      Path services = Files.createDirectories(dir.resolve("resources/META-INF/services"));
      Files.writeString(
          services.resolve(ConnectionPlugin.class.getName()), "sluicetest.GreeterConnection\n");
      Files.writeString(services.resolve(TaskPlugin.class.getName()), "sluicetest.UseGreeter\n");
      return build(
          List.of(src.resolve("GreeterConnection.java"), src.resolve("UseGreeter.java")),
          dir.resolve("resources"),
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * A jar of task type {@code Marker} whose static initialiser creates {@code marker}: loading the
   * class anywhere leaves the file. Its descriptor is written by hand, so building it runs nothing.
   */
  public static byte[] markerTask(Path marker) {
    String descriptor =
        """
        api: 1
        tasks:
          - name: Marker
            class: sluicetest.MarkerTask
            settings:
              - {name: note, type: text}
        """;
    return fromSource(
        "sluicetest.MarkerTask",
        """
        package sluicetest;

        import io.sluice.api.settings.*;
        import io.sluice.api.task.*;

        public final class MarkerTask implements TaskPlugin {
          static {
            try {
              java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "loaded");
            } catch (java.io.IOException e) {
              throw new ExceptionInInitializerError(e);
            }
          }

          public String name() { return "Marker"; }

          public SettingsSchema settings() {
            return SettingsSchema.of(Setting.text("note"));
          }

          public PluginTask prepare(TaskSetup setup) {
            return context -> TaskResult.SUCCESS;
          }
        }
        """
            .replace("MARKER", marker.toAbsolutePath().toString().replace("\\", "\\\\")),
        TaskPlugin.class,
        descriptor);
  }

  /**
   * A jar holding an annotation processor (registered in {@code
   * META-INF/services/javax.annotation.processing.Processor}) that creates {@code marker} when its
   * class is loaded and when a compiler runs it: a compiler with annotation processing on would.
   */
  public static byte[] annotationProcessor(Path marker) {
    return fromSource(
        "sluicetest.MarkerProcessor",
        """
        package sluicetest;

        import java.util.Set;
        import javax.annotation.processing.*;
        import javax.lang.model.SourceVersion;
        import javax.lang.model.element.TypeElement;

        @SupportedAnnotationTypes("*")
        public final class MarkerProcessor extends AbstractProcessor {
          static {
            mark("loaded");
          }

          static void mark(String how) {
            try {
              java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), how);
            } catch (java.io.IOException e) {
              throw new RuntimeException(e);
            }
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> types, RoundEnvironment round) {
            mark("ran");
            return false;
          }
        }
        """
            .replace("MARKER", marker.toAbsolutePath().toString().replace("\\", "\\\\")),
        javax.annotation.processing.Processor.class,
        "api: 1\n");
  }

  /**
   * A jar of one plugin class compiled from {@code source} (a document's example), registered as a
   * {@code service} with a descriptor made from the class.
   */
  public static byte[] plugin(String className, String source, Class<?> service) {
    return fromSource(className, source, service, null);
  }

  private static byte[] fromSource(
      String className, String source, Class<?> service, String descriptor) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sluicetest-plugin-");
      Path file = dir.resolve("src/" + className.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      Path resources = dir.resolve("resources/META-INF/services");
      Files.createDirectories(resources);
      Files.writeString(resources.resolve(service.getName()), className + "\n");
      return build(List.of(file), dir.resolve("resources"), descriptor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Compiles, copies resources, writes the descriptor (generated when {@code descriptor} is null).
   */
  private static byte[] build(List<Path> sources, Path resources, String descriptor)
      throws IOException {
    Path classes = Files.createTempDirectory("sluicetest-plugin-classes-");
    try {
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      if (compiler == null) {
        throw new IllegalStateException("tests need a JDK (javax.tools), not a JRE");
      }
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString()));
      sources.forEach(s -> args.add(s.toString()));
      if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
        throw new IllegalStateException("the test plugin does not compile: " + sources);
      }
      if (Files.isDirectory(resources)) {
        try (Stream<Path> files = Files.walk(resources)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            Path target = classes.resolve(resources.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
          }
        }
      }
      Path target = classes.resolve(SluiceApi.DESCRIPTOR);
      Files.createDirectories(target.getParent());
      Files.writeString(
          target, descriptor != null ? descriptor : describe(classes), StandardCharsets.UTF_8);
      return jar(classes);
    } finally {
      deleteQuietly(classes);
    }
  }

  /** What the plugin's build does: {@link PluginDescriptor} over the compiled classes. */
  private static String describe(Path classes) throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, TestPluginJars.class.getClassLoader())) {
      return PluginDescriptor.yaml(
          own(TaskPlugin.class, loader),
          own(ComponentPlugin.class, loader),
          own(ConnectionPlugin.class, loader));
    }
  }

  private static <T> List<T> own(Class<T> type, ClassLoader loader) {
    return ServiceLoader.load(type, loader).stream()
        .filter(p -> p.type().getClassLoader() == loader)
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  private static byte[] jar(Path classes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A jar holding only {@code META-INF/sluice/plugins.yaml} with {@code descriptor}. */
  public static byte[] descriptorOnly(String descriptor) {
    try {
      Path classes = Files.createTempDirectory("sluicetest-descriptor-");
      try {
        Path target = classes.resolve(SluiceApi.DESCRIPTOR);
        Files.createDirectories(target.getParent());
        Files.writeString(target, descriptor, StandardCharsets.UTF_8);
        return jar(classes);
      } finally {
        deleteQuietly(classes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of examples/plugins/plugin-demo in {@code dir/plugin-demo}, with {@code examplesJar}
   * (the jar {@link #examples} builds) as its {@code lib/example-plugins.jar}.
   */
  public static Path demoProject(Path dir, byte[] examplesJar) {
    Path source = EXAMPLES.resolve("plugin-demo");
    Path target = dir.resolve("plugin-demo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path t = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeTo(target, "example-plugins.jar", examplesJar);
    return target;
  }

  /** Writes {@code jar} to {@code projectDir/lib/fileName}. */
  public static Path writeTo(Path projectDir, String fileName, byte[] jar) {
    try {
      Path lib = Files.createDirectories(projectDir.resolve("lib"));
      return Files.write(lib.resolve(fileName), jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
}
