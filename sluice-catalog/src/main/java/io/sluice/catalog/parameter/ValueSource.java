package io.sluice.catalog.parameter;

/** Where the value an execution would use comes from, unless the execution sets its own. */
public enum ValueSource {
  /** A literal server value set with {@code parameters set}. */
  SERVER_VALUE,
  /** A variable of the environment the execution references; resolved when it is created. */
  ENVIRONMENT_VARIABLE,
  /** The default written in the project files. */
  DESIGN_DEFAULT,
  /** None: a required parameter without server value, or no default; the execution must set it. */
  MISSING
}
