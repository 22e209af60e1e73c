package io.sluice.api.component;

import io.sluice.api.context.Variables;
import io.sluice.api.settings.SettingValues;
import java.util.List;

/** What a component sees while it is planned. */
public interface ComponentSetup {

  String componentName();

  SettingValues settings();

  /** The input's columns, in order (empty for a source). */
  List<ColumnInfo> inputColumns();

  /**
   * The index of an input column, matched ignoring case as in SSIS.
   *
   * @throws io.sluice.api.PluginException naming the column and listing the input's columns
   */
  int inputColumn(String name);

  /**
   * Adds a column to the output (after the input's columns for a transformation) and returns its
   * index in a {@link Row}.
   */
  int addOutputColumn(String name, ColumnType type);

  /** The package's variables, read-only while planning. */
  Variables variables();
}
