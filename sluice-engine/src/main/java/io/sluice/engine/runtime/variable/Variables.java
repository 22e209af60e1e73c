package io.sluice.engine.runtime.variable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables an executable sees: its own (e.g. {@code System::TaskName}) and, through its parent
 * scope, the package's variables, the system variables and the parameters. Names are {@code
 * Namespace::Name} ({@code User::}, {@code System::}, {@code $Project::}, {@code $Package::}); an
 * unqualified name finds the variable when exactly one namespace has it. Lookups ignore case (a
 * deviation from SSIS, where variable names are case-sensitive). Thread-safe: parallel branches
 * share the package's scope.
 */
public final class Variables {

  /** Guards against expression variables that read each other in a circle. */
  private static final ThreadLocal<Integer> evaluationDepth = ThreadLocal.withInitial(() -> 0);

  private static final int MAX_EVALUATION_DEPTH = 32;

  private final Variables parent;
  private final Map<String, Variable> own = new ConcurrentHashMap<>();

  private Variables(Variables parent) {
    this.parent = parent;
  }

  public static Variables root() {
    return new Variables(null);
  }

  /** A scope for one executable (or one run of it) whose own variables shadow the parent's. */
  public Variables child() {
    return new Variables(this);
  }

  /** Adds a variable to this scope, replacing one of the same name in this scope. */
  public Variable declare(Variable variable) {
    own.put(key(variable.qualifiedName()), variable);
    return variable;
  }

  /** Declares (or replaces) a read-only System variable of this scope. */
  public void system(String name, VariableType type, Object value) {
    declare(new Variable("System", name, type, value, true, false));
  }

  public Optional<Variable> find(String name) {
    String qualified = name.startsWith("@[") ? name.substring(2, name.length() - 1) : name;
    if (qualified.contains("::")) {
      return Optional.ofNullable(lookup(key(qualified)));
    }
    List<Variable> candidates = new ArrayList<>();
    for (String ns : List.of("User", "System", "$Package", "$Project")) {
      Variable v = lookup(key(ns + "::" + qualified));
      if (v != null) {
        candidates.add(v);
      }
    }
    if (candidates.size() > 1) {
      throw new VariableException(
          "the name '"
              + name
              + "' is ambiguous: qualify it, e.g. "
              + candidates.get(0).qualifiedName());
    }
    return candidates.stream().findFirst();
  }

  public Variable require(String name) {
    return find(name).orElseThrow(() -> new VariableException(missing(name)));
  }

  /** Why {@code name} is not found: a name that differs only in case says so. */
  private String missing(String name) {
    String bare = name.startsWith("@[") ? name.substring(2, name.length() - 1) : name;
    for (Variable v : all()) {
      if (v.qualifiedName().equalsIgnoreCase(bare) || v.name().equalsIgnoreCase(bare)) {
        return "variable '"
            + name
            + "' does not exist; did you mean "
            + v.qualifiedName()
            + "? (variable and parameter names are case-sensitive, as in SSIS)";
      }
    }
    return "variable '" + name + "' does not exist; declare it under 'variables' of the package";
  }

  /**
   * The current value; an expression variable is evaluated now, in this scope. A sensitive
   * parameter's value is refused: read it with {@link #sensitiveValue} where it stays secret.
   */
  public Object get(String name) {
    return valueOf(require(name));
  }

  /** {@link #get} for a variable already found. */
  public Object valueOf(Variable variable) {
    if (variable.sensitive()) {
      throw new VariableException(refusal(variable));
    }
    return read(variable);
  }

  /**
   * The value of a variable that may be a sensitive parameter, for a destination that keeps it
   * secret: a connection's password, a sensitive parameter of a child package, a process's standard
   * input (SSIS's GetSensitiveValue). Everything else reads through {@link #get}, which refuses
   * sensitive values, so no message, variable or file receives one by accident.
   */
  public Object sensitiveValue(String name) {
    return read(require(name));
  }

  /**
   * Why a sensitive parameter's value cannot be read where it was asked for, as SSIS says it
   * (DTS_E_SENSITIVEPARAMVALUENOTALLOWED); never the value itself.
   */
  public static String refusal(Variable variable) {
    return "accessing the value of sensitive parameter "
        + variable.qualifiedName()
        + " is not allowed here: its value may only go where it stays secret (a jdbc"
        + " connection's password, a sensitive parameter of a child package, a process's standard"
        + " input)";
  }

  private Object read(Variable variable) {
    if (variable.expression() == null) {
      return variable.storedValue();
    }
    int depth = evaluationDepth.get();
    if (depth >= MAX_EVALUATION_DEPTH) {
      throw new VariableException(
          "variable "
              + variable.qualifiedName()
              + " is an expression that refers back to itself through other variables");
    }
    evaluationDepth.set(depth + 1);
    try {
      return variable.type().coerce(variable.expression().evaluate(this));
    } finally {
      evaluationDepth.set(depth);
    }
  }

  /** Assigns a value, converted to the variable's type; read-only variables refuse. */
  public void set(String name, Object value) {
    Variable variable = require(name);
    if (variable.readOnly()) {
      throw new VariableException(
          "variable "
              + variable.qualifiedName()
              + " is read-only"
              + (variable.namespace().startsWith("$")
                  ? " (parameters cannot be assigned; copy the value into a User variable)"
                  : variable.expression() != null ? " (its value is an expression)" : ""));
    }
    try {
      variable.store(value);
    } catch (IllegalArgumentException e) {
      throw new VariableException(
          "cannot assign to " + variable.qualifiedName() + ": " + e.getMessage());
    }
  }

  /** Makes {@code variable} an expression variable; called once while a run is prepared. */
  public void evaluateAs(
      Variable variable, io.sluice.engine.runtime.expression.CompiledExpression e) {
    variable.evaluateAs(e);
  }

  /** Every variable visible here, the nearest scope winning, in declaration order. */
  public Collection<Variable> all() {
    Map<String, Variable> result = new LinkedHashMap<>();
    if (parent != null) {
      for (Variable v : parent.all()) {
        result.put(key(v.qualifiedName()), v);
      }
    }
    result.putAll(own);
    return result.values();
  }

  private Variable lookup(String key) {
    Variable v = own.get(key);
    if (v == null && parent != null) {
      return parent.lookup(key);
    }
    return v;
  }

  /** Names are case-sensitive, as in SSIS ("variable names are case sensitive"). */
  private static String key(String qualified) {
    return qualified;
  }
}
