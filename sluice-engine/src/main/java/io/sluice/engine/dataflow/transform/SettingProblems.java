package io.sluice.engine.dataflow.transform;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.StructureCheck;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A component type's checks of its own settings that need no input columns (an operation's name, a
 * number's range), run when the project is validated or deployed, so that `sluice project validate`
 * refuses what planning would refuse when the package starts. The problem is placed at the
 * component's {@code type}.
 */
public final class SettingProblems {

  private SettingProblems() {}

  /**
   * @param type the component type, named in the message (the location gives the component)
   */
  public static List<Problem> of(
      String type,
      Map<String, Object> settings,
      StructureCheck.Written written,
      Consumer<Settings> check) {
    try {
      check.accept(new Settings(settings, ""));
      return List.of();
    } catch (PlanningException e) {
      SourceLocation at = written.textStart("type");
      return List.of(
          new Problem(
              written.file(),
              at == null ? 0 : at.line(),
              at == null ? 0 : at.column(),
              type + ": " + e.getMessage()));
    }
  }
}
