package io.sluice.engine.dataflow.transform.join;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.pipeline.SortKey;
import io.sluice.engine.dataflow.pipeline.SortedInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code MergeJoin}: joins two inputs sorted by their join keys (inner, left outer or full outer),
 * streaming: only the rows of one key value are held at a time.
 */
public final class MergeJoinType extends SimpleComponentType {

  public MergeJoinType() {
    super("MergeJoin", 2);
  }

  enum JoinType {
    INNER,
    LEFT,
    FULL
  }

  /** Columns of the output: from the left row or the right row, at an index. */
  record Pick(boolean left, int column) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("joinType", "leftColumns", "rightColumns")
        .withItems("keys", "left", "right");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    RowSchema left = context.input(0);
    RowSchema right = context.input(1);
    JoinType type =
        switch (s.string("joinType", "inner").toLowerCase(Locale.ROOT)) {
          case "inner" -> JoinType.INNER;
          case "left" -> JoinType.LEFT;
          case "full" -> JoinType.FULL;
          default -> throw new PlanningException("joinType must be inner, left or full");
        };
    List<String> leftKeys = new ArrayList<>();
    List<String> rightKeys = new ArrayList<>();
    for (Settings k : s.list("keys")) {
      leftKeys.add(k.string("left"));
      rightKeys.add(k.string("right"));
    }
    if (leftKeys.isEmpty()) {
      throw new PlanningException("a MergeJoin needs 'keys' (left, right)");
    }
    List<SortKey> lk = SortedInputs.require(left, leftKeys, "the left input");
    List<SortKey> rk = SortedInputs.require(right, rightKeys, "the right input");
    for (int i = 0; i < lk.size(); i++) {
      Column l = left.column(lk.get(i).column());
      Column r = right.column(rk.get(i).column());
      if (l.type().kind() != r.type().kind()) {
        throw new PlanningException(
            "join key '"
                + l.name()
                + "' is "
                + l.type()
                + " but '"
                + r.name()
                + "' is "
                + r.type());
      }
    }
    List<Pick> picks = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    List<String> leftColumns =
        s.has("leftColumns") ? s.strings("leftColumns") : names(left, List.of());
    List<String> rightColumns =
        s.has("rightColumns") ? s.strings("rightColumns") : names(right, rightKeys);
    for (String name : leftColumns) {
      int i = left.indexOf(name);
      picks.add(new Pick(true, i));
      columns.add(left.column(i));
    }
    for (String name : rightColumns) {
      int i = right.indexOf(name);
      picks.add(new Pick(false, i));
      columns.add(right.column(i));
    }
    for (int i = 0; i < columns.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (columns.get(i).name().equalsIgnoreCase(columns.get(j).name())) {
          throw new PlanningException(
              "both inputs have a column '"
                  + columns.get(i).name()
                  + "'; choose with 'leftColumns' and 'rightColumns'");
        }
      }
    }
    RowSchema output = RowSchema.of(columns);
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", output)), new MergeJoin(type, lk, rk, picks));
  }

  private static List<String> names(RowSchema schema, List<String> except) {
    return schema.columns().stream()
        .map(Column::name)
        .filter(n -> except.stream().noneMatch(n::equalsIgnoreCase))
        .toList();
  }
}
