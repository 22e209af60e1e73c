package org.example.sluice;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnType;
import io.sluice.api.component.ComponentContext;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.ComponentSetup;
import io.sluice.api.component.Row;
import io.sluice.api.component.RowException;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingsSchema;
import java.util.Locale;

/**
 * {@code type: UpperCase}: a synchronous transformation that writes a text column in capitals into
 * a new column ({@code into}) or in place. A value longer than {@code maxLength} is a row error,
 * handled by the component's {@code onError} (fail, ignore, redirect).
 */
public final class UpperCaseTransformation implements ComponentPlugin {

  @Override
  public String name() {
    return "UpperCase";
  }

  @Override
  public ComponentKind kind() {
    return ComponentKind.TRANSFORMATION;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.text("column").required().describedAs("The input column to read"),
        Setting.text("into").describedAs("A new column for the result; default: in place"),
        Setting.integer("maxLength").describedAs("Longer values are row errors"));
  }

  @Override
  public ComponentRuntime plan(ComponentSetup setup) {
    String name = setup.settings().text("column");
    int column = setup.inputColumn(name);
    if (setup.inputColumns().get(column).type() != ColumnType.STRING) {
      throw new PluginException(
          "column '" + name + "' is " + setup.inputColumns().get(column).ssisType() + ", not text",
          "convert it with a DataConversion first");
    }
    String into = setup.settings().text("into");
    int target = into == null ? column : setup.addOutputColumn(into, ColumnType.STRING);
    long maxLength = setup.settings().integer("maxLength", Long.MAX_VALUE);
    return new ComponentRuntime() {
      private ComponentContext context;
      private long changed;

      @Override
      public void preExecute(ComponentContext context) {
        this.context = context;
      }

      @Override
      public void processInputRow(Row row) {
        String value = row.getString(column);
        if (value == null) {
          return;
        }
        if (value.length() > maxLength) {
          throw new RowException(name, "value is longer than " + maxLength);
        }
        row.set(target, value.toUpperCase(Locale.ROOT));
        changed++;
      }

      @Override
      public void postExecute() {
        context.events().information("UpperCase changed " + changed + " values");
      }
    };
  }
}
