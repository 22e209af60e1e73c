package io.sluice.engine.dataflow.pipeline;

/** One kind of data-flow component (FlatFileSource, DerivedColumn ...): checks and builds it. */
public interface ComponentType {

  /** The type name written in YAML, e.g. {@code DerivedColumn}. */
  String name();

  /** How many inputs it takes: sources 0, most components 1, Union All any number. */
  int minInputs();

  int maxInputs();

  /**
   * The settings it reads besides {@link SettingKeys#COMMON}: any other key is refused as a typo
   * when the project is validated or deployed, and again when the flow is planned.
   */
  SettingKeys settingKeys();

  /**
   * Whether it holds its whole input before sending (Sort, Aggregate): shares the memory budget.
   */
  default boolean blocking() {
    return false;
  }

  /**
   * Checks the component against its input schemas and the environment and prepares its runtime.
   * Throws {@link PlanningException} with the cause; nothing may move rows yet.
   */
  PlannedComponent plan(ComponentSpec spec, PlanContext context);
}
