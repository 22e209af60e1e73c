package io.sluice.master.serverexecution;

import io.sluice.master.serverexecution.child.ServerExecutionChild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a master starts the process a server-mode execution runs in: the master's own {@code java}
 * and class path (so the child runs the same Sluice), the master's {@code
 * serverExecutionJvmOptions}, and {@link ServerExecutionChild} as the main class. The child's
 * environment is the master's without Sluice's own variables (catalog URL, password, key, tokens):
 * it needs none of them, and the project's code should not be handed them. Only {@code
 * SLUICE_PLUGINS} stays, since the child loads plugins where a worker would.
 *
 * @param options JVM options, e.g. {@code -Xmx1g}
 * @param stopGrace how long a child that was told to stop may take before it is killed
 */
public record ChildJvm(List<String> options, Duration stopGrace) {

  /** The default {@code serverExecutionJvmOptions}. */
  public static final List<String> DEFAULT_OPTIONS =
      io.sluice.master.config.MasterSettings.DEFAULT_SERVER_EXECUTION_JVM_OPTIONS;

  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);

  public ChildJvm {
    options = List.copyOf(options);
  }

  public static ChildJvm defaults() {
    return new ChildJvm(DEFAULT_OPTIONS, DEFAULT_STOP_GRACE);
  }

  /** The command line (no values of the run on it: those go over stdin). */
  List<String> command() {
    return command(options, ServerExecutionChild.class.getName());
  }

  /**
   * A child JVM of this master's Sluice: the master's own {@code java} and class path, {@code
   * options}, the Sluice system properties, then {@code mainClass} and its {@code arguments}.
   */
  public static List<String> command(List<String> options, String mainClass, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    for (String property : List.of("sluice.home", "sluice.plugins")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(arguments));
    return command;
  }

  /** Drops Sluice's own variables from {@code environment}, but SLUICE_PLUGINS. */
  public static void withoutSluiceVariables(Map<String, String> environment) {
    environment.keySet().removeIf(k -> k.startsWith("SLUICE_") && !k.equals("SLUICE_PLUGINS"));
  }
}
