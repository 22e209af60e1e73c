package io.sluice.engine.dataflow.destination.memory;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.List;

/**
 * {@code RowCount}: passes rows through unchanged and writes their number into a variable when its
 * input ends (as SSIS, the variable changes only after the data flow has counted).
 */
public final class RowCountType extends SimpleComponentType {

  public RowCountType() {
    super("RowCount", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("variable");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String variable = qualified(spec.settings().string("variable"));
    if (!context.environment().isWritableVariable(variable)) {
      throw new PlanningException(
          "variable '" + variable + "' does not exist or is read-only; declare it in the package");
    }
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", context.input(0))),
        io -> {
          long rows = 0;
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            rows += buffer.size();
            io.send(0, buffer);
          }
          io.environment().setVariable(variable, (int) Math.min(rows, Integer.MAX_VALUE));
        });
  }

  /** {@code Rows}, {@code User::Rows} and {@code @[User::Rows]} all name User::Rows. */
  static String qualified(String name) {
    String n = name.trim();
    if (n.startsWith("@[") && n.endsWith("]")) {
      n = n.substring(2, n.length() - 1);
    }
    return n.contains("::") ? n : "User::" + n;
  }
}
