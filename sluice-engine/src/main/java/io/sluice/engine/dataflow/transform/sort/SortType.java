package io.sluice.engine.dataflow.transform.sort;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.pipeline.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Sort}: orders all rows by {@code keys} ({@code column} or {@code column desc}), optionally
 * dropping rows whose keys repeat; spills sorted runs to the temp folder past its memory budget.
 */
public final class SortType extends SimpleComponentType {

  public SortType() {
    super("Sort", 1);
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("keys", "removeDuplicates", "memoryLimitMb");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<SortKey> keys = keys(spec.settings().strings("keys"), input);
    if (keys.isEmpty()) {
      throw new PlanningException("a Sort needs 'keys': the columns to sort by");
    }
    long budget =
        spec.settings().has("memoryLimitMb")
            ? spec.settings().number("memoryLimitMb", 0) << 20
            : context.memoryBudget();
    boolean removeDuplicates = spec.settings().bool("removeDuplicates", false);
    return new PlannedComponent(
        List.of(new OutputPlan("Output", input.withSortedBy(keys))),
        new Sort(keys, input.width(), budget, removeDuplicates),
        false,
        true);
  }

  /**
   * Reads {@code [a, b desc]} into sort keys. A column name may hold spaces ({@code Copy of 2017
   * desc}, as SSIS names columns): only a last word {@code asc} or {@code desc} is a direction.
   */
  static List<SortKey> keys(List<String> written, RowSchema input) {
    List<SortKey> keys = new ArrayList<>();
    for (String key : written) {
      String k = key.trim();
      int space = k.lastIndexOf(' ');
      String last = space < 0 ? "" : k.substring(space + 1).toLowerCase(Locale.ROOT);
      boolean direction = last.equals("asc") || last.equals("desc");
      String name = direction ? k.substring(0, space).trim() : k;
      if (name.isEmpty()) {
        throw new PlanningException(
            "sort key '" + key + "' must be 'column', 'column asc' or 'column desc'");
      }
      keys.add(new SortKey(input.indexOf(name), last.equals("desc")));
    }
    return keys;
  }
}
