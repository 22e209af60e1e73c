package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A ready-made scope that numbers names in the order they are declared (slot 0, 1, ...), for
 * control-flow expressions and tests; pair it with {@link SlotValues}. Variable and parameter names
 * are case-sensitive, as in SSIS; column names are not.
 */
public final class SlotScope implements ExpressionScope {

  private final Map<String, Binding> bindings;
  private final List<Reference> declared;

  private SlotScope(Map<String, Binding> bindings, List<Reference> declared) {
    this.bindings = bindings;
    this.declared = declared;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of slots, i.e. the size of a {@link SlotValues} for this scope. */
  public int size() {
    return declared.size();
  }

  /** The slot of a declared name. */
  public int slotOf(Reference reference) {
    Binding binding = bindings.get(key(reference));
    if (binding == null) {
      throw new IllegalArgumentException(reference + " is not declared in this scope");
    }
    return binding.slot();
  }

  /** Fresh values for this scope, all NULL, read by GETDATE() through {@code clock}. */
  public SlotValues newValues(Clock clock) {
    return new SlotValues(this, clock);
  }

  @Override
  public Optional<Binding> resolve(Reference reference) {
    if (reference.kind() == Reference.Kind.VARIABLE && reference.namespace() == null) {
      return resolveUnqualified(reference.name());
    }
    return Optional.ofNullable(bindings.get(key(reference)));
  }

  private Optional<Binding> resolveUnqualified(String name) {
    List<Reference> matches =
        declared.stream()
            .filter(r -> r.kind() == Reference.Kind.VARIABLE && r.name().equals(name))
            .toList();
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          "There are multiple variables with the name \""
              + name
              + "\". Specify it as @[Namespace::"
              + name
              + "]");
    }
    return matches.isEmpty() ? Optional.empty() : Optional.of(bindings.get(key(matches.get(0))));
  }

  private static String key(Reference r) {
    return switch (r.kind()) {
      case COLUMN -> "C|" + r.name().toLowerCase(Locale.ROOT);
      case VARIABLE -> "V|" + r.namespace() + "::" + r.name();
      case PARAMETER -> "P|" + r.namespace() + "::" + r.name();
    };
  }

  /** Declares names; each declaration takes the next slot. */
  public static final class Builder {
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final List<Reference> declared = new ArrayList<>();

    /** A variable such as {@code User::Count}: {@code variable("User", "Count", DataType.I4)}. */
    public Builder variable(String namespace, String name, DataType type) {
      return add(Reference.variable(namespace, name), type);
    }

    /** A parameter: {@code parameter("$Project", "Server", DataType.wstr(100))}. */
    public Builder parameter(String namespace, String name, DataType type) {
      return add(Reference.parameter(namespace, name), type);
    }

    public Builder column(String name, DataType type) {
      return add(Reference.column(name), type);
    }

    private Builder add(Reference reference, DataType type) {
      String key = key(reference);
      if (bindings.containsKey(key)) {
        throw new IllegalArgumentException(reference + " is declared twice");
      }
      bindings.put(key, new Binding(declared.size(), type));
      declared.add(reference);
      return this;
    }

    public SlotScope build() {
      return new SlotScope(Map.copyOf(bindings), List.copyOf(declared));
    }
  }
}
