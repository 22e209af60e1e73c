package io.sluice.api.component;

/**
 * One run of a component, with SSIS's Script Component methods; runs on one thread, so it may keep
 * state in fields. Throwing from any method fails the data flow, except {@link RowException} from
 * {@link #processInputRow}, which the component's {@code onError} disposition handles.
 */
public interface ComponentRuntime {

  /** Before the first row: open files or connections. */
  default void preExecute(ComponentContext context) throws Exception {}

  /** A source creates all its rows here. */
  default void createNewOutputRows(OutputRows output) throws Exception {}

  /**
   * A transformation or destination sees each input row; a transformation sets the columns it added
   * (left NULL otherwise) and may replace input columns.
   */
  default void processInputRow(Row row) throws Exception {}

  /**
   * A transformation, after its last input row and before {@link #postExecute()}: adds the rows of
   * its asynchronous outputs that need the whole input (totals, the last group), as an SSIS script
   * does in {@code Input0_ProcessInput} once {@code EndOfRowset()} is true. Not called when the
   * flow failed or was stopped.
   */
  default void endOfInput() throws Exception {}

  /** After the last row, also when the flow failed or was stopped: close what was opened. */
  default void postExecute() throws Exception {}
}
