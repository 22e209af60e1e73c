package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.ComponentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The component types a data flow may use, by their YAML type name (case-insensitive). */
public final class ComponentRegistry {

  private final Map<String, ComponentType> types;

  private ComponentRegistry(Map<String, ComponentType> types) {
    this.types = types;
  }

  /**
   * Every built-in component: plugins that ship inside, found with {@link ServiceLoader} ({@code
   * META-INF/services/io.sluice.engine.dataflow.pipeline.ComponentType} of sluice-engine) once, in
   * the order listed there (the order of "known types" in messages).
   */
  public static ComponentRegistry standard() {
    return BuiltIn.REGISTRY;
  }

  /** Loaded once; a registry is immutable and its types stateless. */
  private static final class BuiltIn {
    static final ComponentRegistry REGISTRY = load();

    private static ComponentRegistry load() {
      Map<String, ComponentType> types = new LinkedHashMap<>();
      for (ComponentType t :
          ServiceLoader.load(ComponentType.class, ComponentType.class.getClassLoader())) {
        types.put(t.name().toLowerCase(Locale.ROOT), t);
      }
      if (types.isEmpty()) {
        throw new IllegalStateException(
            "the built-in data-flow components are not registered; the jar lacks"
                + " META-INF/services/"
                + ComponentType.class.getName());
      }
      return new ComponentRegistry(types);
    }
  }

  /** A registry with one more type (or a replacement for one of the same name). */
  public ComponentRegistry with(ComponentType type) {
    Map<String, ComponentType> more = new LinkedHashMap<>(types);
    more.put(type.name().toLowerCase(Locale.ROOT), type);
    return new ComponentRegistry(more);
  }

  public Optional<ComponentType> find(String name) {
    return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    types.values().forEach(t -> names.add(t.name()));
    return names;
  }
}
