package io.sluice.engine.runtime.variable;

import io.sluice.engine.runtime.expression.CompiledExpression;

/**
 * One variable or parameter of a run. Values are kept in the variable's declared type; a variable
 * with an expression (SSIS's EvaluateAsExpression) computes its value each time it is read, in the
 * scope of whoever reads it.
 */
public final class Variable {

  private final String namespace;
  private final String name;
  private final VariableType type;
  private final boolean readOnly;
  private final boolean sensitive;
  private volatile Object value;
  private volatile CompiledExpression expression;
  private volatile java.util.function.Consumer<Variable> changeListener;

  public Variable(
      String namespace,
      String name,
      VariableType type,
      Object value,
      boolean readOnly,
      boolean sensitive) {
    this.namespace = namespace;
    this.name = name;
    this.type = type;
    this.value = type.coerce(value);
    this.readOnly = readOnly;
    this.sensitive = sensitive;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** {@code User::Name}, {@code System::Name}, {@code $Project::Name} or {@code $Package::Name}. */
  public String qualifiedName() {
    return namespace + "::" + name;
  }

  public VariableType type() {
    return type;
  }

  public boolean readOnly() {
    return readOnly || expression != null;
  }

  /**
   * A sensitive parameter: {@link Variables#get} refuses its value, only {@link
   * Variables#sensitiveValue} reads it, for destinations that keep it secret.
   */
  public boolean sensitive() {
    return sensitive;
  }

  public CompiledExpression expression() {
    return expression;
  }

  void evaluateAs(CompiledExpression expression) {
    this.expression = expression;
  }

  Object storedValue() {
    return value;
  }

  void store(Object newValue) {
    Object coerced = type.coerce(newValue);
    Object old = value;
    this.value = coerced;
    java.util.function.Consumer<Variable> listener = changeListener;
    if (listener != null && !java.util.Objects.equals(old, coerced)) {
      listener.accept(this);
    }
  }

  /**
   * Called after every assignment that changes the value (SSIS RaiseChangedEvent); the run sets it
   * for variables declared with {@code raiseChangedEvent: true}.
   */
  public void onChange(java.util.function.Consumer<Variable> listener) {
    this.changeListener = listener;
  }
}
