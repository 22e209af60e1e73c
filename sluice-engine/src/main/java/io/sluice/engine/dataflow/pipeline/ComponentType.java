package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import java.util.List;
import java.util.Map;

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

  /**
   * Problems the type places itself in the project's files when the project is validated or
   * deployed (a Script Component's compile errors, at their line and column); like every deploy
   * check, never loads or runs project code.
   *
   * @param written where the component is written ({@link StructureCheck.Written#textStart} is
   *     relative to the component's own settings)
   */
  default List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return List.of();
  }
}
