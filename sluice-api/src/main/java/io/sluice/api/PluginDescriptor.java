package io.sluice.api;

import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.TaskPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Writes a plugin jar's {@code META-INF/sluice/plugins.yaml}: the types it holds and their settings
 * schemas as data. Masters and the CLI validate projects from this file alone and never load a
 * plugin's classes; workers load the classes and check that they declare the same.
 *
 * <p>Run it at build time over the compiled classes (Maven: {@code exec-maven-plugin}'s {@code
 * java} goal in {@code process-classes}, argument {@code ${project.build.outputDirectory}}), or
 * call {@link #yaml} from a test, or write the file by hand in the same format.
 */
public final class PluginDescriptor {

  private PluginDescriptor() {}

  /**
   * Writes the descriptor of every plugin registered in {@code META-INF/services} of the class path
   * into {@code args[0]/META-INF/sluice/plugins.yaml}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PluginDescriptor CLASSES_FOLDER");
      System.exit(2);
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Path target = Path.of(args[0]).resolve(SluiceApi.DESCRIPTOR);
    Files.createDirectories(target.getParent());
    Files.writeString(
        target,
        yaml(
            load(TaskPlugin.class, loader),
            load(ComponentPlugin.class, loader),
            load(ConnectionPlugin.class, loader)),
        StandardCharsets.UTF_8);
  }

  private static <T> List<T> load(Class<T> type, ClassLoader loader) {
    List<T> found = new ArrayList<>();
    ServiceLoader.load(type, loader).forEach(found::add);
    return found;
  }

  /** The descriptor of these plugins, as YAML. */
  public static String yaml(
      List<TaskPlugin> tasks,
      List<ComponentPlugin> components,
      List<ConnectionPlugin> connections) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(SluiceApi.DESCRIPTOR).append(": written by ");
    out.append(PluginDescriptor.class.getName()).append("; see docs/extending.md\n");
    out.append("api: ").append(SluiceApi.VERSION).append('\n');
    out.append("tasks:").append(tasks.isEmpty() ? " []\n" : "\n");
    for (TaskPlugin t : tasks) {
      type(out, t.name(), t.getClass().getName(), null, t.settings());
    }
    out.append("components:").append(components.isEmpty() ? " []\n" : "\n");
    for (ComponentPlugin c : components) {
      type(out, c.name(), c.getClass().getName(), c.kind().word(), c.settings());
    }
    out.append("connections:").append(connections.isEmpty() ? " []\n" : "\n");
    for (ConnectionPlugin c : connections) {
      type(out, c.name(), c.getClass().getName(), null, c.settings());
    }
    return out.toString();
  }

  private static void type(
      StringBuilder out, String name, String className, String kind, SettingsSchema schema) {
    out.append("  - name: ").append(quoted(name)).append('\n');
    out.append("    class: ").append(quoted(className)).append('\n');
    if (kind != null) {
      out.append("    kind: ").append(kind).append('\n');
    }
    List<Setting> settings = schema.settings();
    out.append("    settings:").append(settings.isEmpty() ? " []\n" : "\n");
    for (Setting s : settings) {
      out.append("      - name: ").append(quoted(s.name())).append('\n');
      out.append("        type: ").append(s.type().word()).append('\n');
      if (s.isRequired()) {
        out.append("        required: true\n");
      }
      if (!s.allowedValues().isEmpty()) {
        out.append("        allowed: [");
        for (int i = 0; i < s.allowedValues().size(); i++) {
          out.append(i == 0 ? "" : ", ").append(quoted(s.allowedValues().get(i)));
        }
        out.append("]\n");
      }
      if (s.connectionType() != null) {
        out.append("        connectionType: ").append(quoted(s.connectionType())).append('\n');
      }
      if (!s.description().isEmpty()) {
        out.append("        description: ").append(quoted(s.description())).append('\n');
      }
    }
  }

  /** A YAML double-quoted scalar (JSON's escapes are valid there). */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
