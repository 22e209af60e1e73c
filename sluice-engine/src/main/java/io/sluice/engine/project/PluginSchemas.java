package io.sluice.engine.project;

import io.sluice.api.SluiceApi;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The plugin types a project may use, read as data from the {@code META-INF/sluice/plugins.yaml} of
 * its {@code lib/} jars and of the process's plugin folder ({@link PluginFolder}). The project
 * parser checks plugin tasks, components and connections against these schemas exactly as it checks
 * built-in ones, without loading a single class of the jars: a master and the CLI never run project
 * code, not even a static initialiser.
 */
public final class PluginSchemas {

  /** The largest descriptor read; a jar's descriptor is a few KiB. */
  static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

  /** What a plugin type is. */
  public enum Kind {
    TASK,
    COMPONENT,
    CONNECTION
  }

  /**
   * One type a descriptor declares.
   *
   * @param componentKind for components, else null
   * @param source the jar that declares it, for messages
   */
  public record Type(
      Kind kind,
      String name,
      String className,
      ComponentKind componentKind,
      List<Setting> settings,
      String source) {}

  /** No plugins. */
  public static final PluginSchemas NONE = new PluginSchemas(List.of(), List.of());

  private final List<Type> types;
  private final List<DescriptorProblem> problems;

  private PluginSchemas(List<Type> types, List<DescriptorProblem> problems) {
    this.types = List.copyOf(types);
    this.problems = List.copyOf(problems);
  }

  public List<Type> types() {
    return types;
  }

  public List<Type> types(Kind kind) {
    return types.stream().filter(t -> t.kind() == kind).toList();
  }

  public Optional<Type> find(Kind kind, String name) {
    return types.stream()
        .filter(t -> t.kind() == kind && t.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** A descriptor that could not be read: the jar, and why. */
  public record DescriptorProblem(String source, String message) {}

  /** Descriptors that could not be read. */
  public List<DescriptorProblem> problems() {
    return problems;
  }

  /** These types plus {@code more}'s (these win on a shared name: the project's own jars). */
  public PluginSchemas plus(PluginSchemas more) {
    List<Type> all = new ArrayList<>(types);
    for (Type t : more.types) {
      if (find(t.kind(), t.name()).isEmpty()) {
        all.add(t);
      }
    }
    List<DescriptorProblem> allProblems = new ArrayList<>(problems);
    allProblems.addAll(more.problems);
    return new PluginSchemas(all, allProblems);
  }

  /** The descriptors of a project's {@code lib/} jars (by project path), as data. */
  public static PluginSchemas ofJars(Map<String, byte[]> jars) {
    List<Type> types = new ArrayList<>();
    List<DescriptorProblem> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
      readJar(jar.getKey(), jar.getValue(), types, problems);
    }
    return new PluginSchemas(types, problems);
  }

  /** The descriptors of the jars in a folder (a worker's or master's plugin folder). */
  public static PluginSchemas ofFolder(Path folder) {
    Map<String, byte[]> jars = new LinkedHashMap<>();
    for (Path jar : PluginFolder.jars(folder)) {
      try {
        jars.put(jar.toString(), Files.readAllBytes(jar));
      } catch (IOException e) {
        return new PluginSchemas(
            List.of(),
            List.of(new DescriptorProblem(jar.toString(), "cannot be read: " + e.getMessage())));
      }
    }
    return ofJars(jars);
  }

  private static void readJar(
      String source, byte[] jar, List<Type> types, List<DescriptorProblem> problems) {
    byte[] descriptor;
    try {
      descriptor = entry(jar, SluiceApi.DESCRIPTOR);
    } catch (IOException e) {
      return; // LibraryCheck reports an unreadable jar
    }
    if (descriptor == null) {
      return; // a JDBC driver or a library: no plugin types
    }
    if (descriptor.length > MAX_DESCRIPTOR_BYTES) {
      problems.add(
          new DescriptorProblem(
              source,
              SluiceApi.DESCRIPTOR
                  + " is larger than "
                  + MAX_DESCRIPTOR_BYTES / 1024
                  + " KiB; a descriptor lists types and settings only"));
      return;
    }
    try {
      read(source, new String(descriptor, StandardCharsets.UTF_8), types);
    } catch (RuntimeException e) {
      problems.add(
          new DescriptorProblem(
              source,
              SluiceApi.DESCRIPTOR
                  + " cannot be read ("
                  + e.getMessage()
                  + "); write it with io.sluice.api.PluginDescriptor (docs/extending.md)"));
    }
  }

  /**
   * The bytes of entry {@code name}, read up to one byte past the descriptor limit; null if none.
   */
  private static byte[] entry(byte[] jar, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] chunk = new byte[8192];
          int n;
          while ((n = in.read(chunk)) > 0 && out.size() <= MAX_DESCRIPTOR_BYTES) {
            out.write(chunk, 0, n);
          }
          return out.toByteArray();
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void read(String source, String text, List<Type> types) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_DESCRIPTOR_BYTES);
    Object root = new Yaml(new SafeConstructor(options)).load(text);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("it is not a mapping");
    }
    Object api = map.get("api");
    if (!(api instanceof Integer version) || version != SluiceApi.VERSION) {
      throw new IllegalArgumentException(
          "it is written for plugin API "
              + api
              + " and this Sluice has API "
              + SluiceApi.VERSION
              + "; build the plugin against sluice-api of this release");
    }
    for (Kind kind : Kind.values()) {
      String key = kind.name().toLowerCase(Locale.ROOT) + "s";
      Object list = map.get(key);
      if (list == null) {
        continue;
      }
      if (!(list instanceof List<?> items)) {
        throw new IllegalArgumentException("'" + key + "' must be a list");
      }
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> t)) {
          throw new IllegalArgumentException("each item of '" + key + "' must be a mapping");
        }
        types.add(type(kind, (Map<String, Object>) t, source));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Type type(Kind kind, Map<String, Object> t, String source) {
    String name = text(t, "name", true);
    String className = text(t, "class", true);
    ComponentKind componentKind = null;
    if (kind == Kind.COMPONENT) {
      componentKind = ComponentKind.ofWord(text(t, "kind", true));
      if (componentKind == null) {
        throw new IllegalArgumentException(
            "component '" + name + "': kind must be source, transformation or destination");
      }
    }
    List<Setting> settings = new ArrayList<>();
    Object list = t.get("settings");
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> s)) {
          throw new IllegalArgumentException("'" + name + "': each setting must be a mapping");
        }
        settings.add(setting(name, (Map<String, Object>) s));
      }
    } else if (list != null) {
      throw new IllegalArgumentException("'" + name + "': 'settings' must be a list");
    }
    return new Type(kind, name, className, componentKind, List.copyOf(settings), source);
  }

  private static Setting setting(String owner, Map<String, Object> s) {
    String name = text(s, "name", true);
    SettingType type = SettingType.ofWord(text(s, "type", true));
    if (type == null) {
      throw new IllegalArgumentException(
          "'" + owner + "', setting '" + name + "': unknown type '" + s.get("type") + "'");
    }
    List<String> allowed = new ArrayList<>();
    if (s.get("allowed") instanceof List<?> values) {
      values.forEach(v -> allowed.add(String.valueOf(v)));
    }
    return new Setting(
        name,
        type,
        Boolean.TRUE.equals(s.get("required")),
        allowed,
        text(s, "connectionType", false),
        text(s, "description", false));
  }

  private static String text(Map<String, Object> map, String key, boolean required) {
    Object v = map.get(key);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException("'" + key + "' is missing in " + map.keySet());
      }
      return null;
    }
    return String.valueOf(v);
  }

  /** The project parser's form of a plugin's schema, for {@link SettingsChecker}. */
  static Settings settings(String what, List<Setting> settings, Settings base) {
    Settings spec = base == null ? Settings.of(what) : base;
    for (Setting s : settings) {
      switch (s.type()) {
        case TEXT -> spec.keys(s.name());
        case INTEGER -> spec.wholeNumber(s.name(), Long.MIN_VALUE);
        case BOOLEAN -> spec.bool(s.name());
        case CHOICE -> spec.choice(s.name(), s.allowedValues().toArray(String[]::new));
        case LIST -> spec.list(s.name());
        case MAPPING -> spec.mapping(s.name());
        case CONNECTION -> spec.connection(s.name(), s.connectionType());
      }
      if (s.isRequired()) {
        spec.required(s.name());
      }
    }
    return spec;
  }
}
