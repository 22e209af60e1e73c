package io.sluice.engine.project;

/**
 * A package variable, in the User namespace unless written {@code Namespace::Name}.
 *
 * @param value the initial value as text, or null
 * @param expression when set, the variable's value is this expression (EvaluateAsExpression)
 * @param raiseChangedEvent SSIS RaiseChangedEvent: a change of value raises VariableValueChanged
 */
public record VariableDefinition(
    String namespace,
    String name,
    String type,
    String value,
    String expression,
    boolean readOnly,
    boolean raiseChangedEvent,
    String description,
    SourceLocation location) {

  public VariableDefinition withValue(String value) {
    return new VariableDefinition(
        namespace,
        name,
        type,
        value,
        expression,
        readOnly,
        raiseChangedEvent,
        description,
        location);
  }

  public String qualifiedName() {
    return namespace + "::" + name;
  }
}
