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

  /**
   * Adds another output besides the default one (number 0) and returns its number. An
   * <b>asynchronous</b> output has rows and columns of its own: add its columns with {@link
   * #addOutputColumn(int, String, ColumnType)} and its rows through {@link
   * ComponentContext#output(int)}, from any method of the run (a source, or a transformation while
   * it reads its input and in {@link ComponentRuntime#endOfInput()}). A <b>synchronous</b> output
   * (a transformation's only) carries the input rows with the columns added to output 0; once a
   * component has one, its synchronous outputs form SSIS's exclusion group: each row goes to the
   * outputs {@link Row#directTo(int)} chose for it, and to none without a call. Downstream
   * components read an output by its name ({@code input: {from: X, output: Name}}). Since API 1
   * (0.9): earlier builds of Sluice throw {@link UnsupportedOperationException}.
   *
   * @throws io.sluice.api.PluginException when the name is taken or the kind cannot have it
   */
  default int addOutput(String name, boolean synchronous) {
    throw new UnsupportedOperationException("this Sluice has one output per component");
  }

  /**
   * Adds a column to an asynchronous output made by {@link #addOutput} and returns its index in
   * that output's rows; {@code output} 0 is the same as {@link #addOutputColumn(String,
   * ColumnType)}.
   */
  default int addOutputColumn(int output, String name, ColumnType type) {
    if (output == 0) {
      return addOutputColumn(name, type);
    }
    throw new UnsupportedOperationException("this Sluice has one output per component");
  }

  /** The package's variables, read-only while planning. */
  Variables variables();
}
