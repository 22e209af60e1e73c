package org.example.sluice;

import io.sluice.api.component.ColumnType;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.ComponentSetup;
import io.sluice.api.component.OutputRows;
import io.sluice.api.component.Row;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingsSchema;

/** {@code type: Numbers}: a source of rows 1..count in column {@code N} (DT_I4). */
public final class NumbersSource implements ComponentPlugin {

  @Override
  public String name() {
    return "Numbers";
  }

  @Override
  public ComponentKind kind() {
    return ComponentKind.SOURCE;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.integer("count").required().describedAs("How many rows to make"));
  }

  @Override
  public ComponentRuntime plan(ComponentSetup setup) {
    long count = setup.settings().integer("count", 0);
    int n = setup.addOutputColumn("N", ColumnType.INT32);
    return new ComponentRuntime() {
      @Override
      public void createNewOutputRows(OutputRows output) throws InterruptedException {
        for (int i = 1; i <= count; i++) {
          Row row = output.addRow();
          row.set(n, i);
        }
      }
    };
  }
}
