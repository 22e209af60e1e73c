package io.sluice.api.script;

import io.sluice.api.context.Connections;
import io.sluice.api.context.Variables;

/**
 * A Script Component's class by column name ({@code public class ScriptMain extends
 * ScriptComponent}): override the methods SSIS's script overrides. A source overrides {@link
 * #createNewOutputRows()}, a transformation or destination {@link #processInputRow(ScriptRow)}.
 * Sluice makes one instance per execution of the data flow, so fields may keep state between rows.
 *
 * <p>SSIS's typed style ({@code Row.Amount}) is a class Sluice generates from the component's
 * columns and compiles with the script: {@code public class ScriptMain extends UserComponent},
 * whose {@code input0ProcessInputRow(Input0Buffer row)} has {@code row.getAmount()}, and whose
 * {@code output0Buffer} field adds rows. {@code UserComponent} extends this class. See
 * docs/script-task.md.
 */
public abstract class ScriptComponent {

  private ScriptComponentContext context;

  /** Called by Sluice once, before {@link #preExecute()}. */
  public final void attach(ScriptComponentContext context) {
    if (this.context != null) {
      throw new IllegalStateException("the script component is attached already");
    }
    this.context = context;
    bindBuffers();
  }

  /**
   * Called once the component is attached, before {@link #preExecute()}: the {@code UserComponent}
   * Sluice generates for typed accessors sets its buffer fields ({@code output0Buffer}) here. A
   * script has no reason to override it.
   */
  protected void bindBuffers() {}

  /** {@code PreExecute()}: before the first row. */
  public void preExecute() throws Exception {}

  /**
   * {@code Input0_ProcessInputRow(Input0Buffer Row)}: each input row of a transformation or
   * destination. An exception thrown here is a row error, handled by the component's {@code
   * onError} (fail, ignore, redirect to the Error output).
   */
  public void processInputRow(ScriptRow row) throws Exception {}

  /**
   * After the last input row of a transformation, before {@link #postExecute()}: add the rows of an
   * asynchronous output that need the whole input (totals, the last group). SSIS scripts do this in
   * {@code Input0_ProcessInput} once {@code Buffer.EndOfRowset()} is true. An exception fails the
   * flow.
   */
  public void endOfInput() throws Exception {}

  /** {@code CreateNewOutputRows()}: a source adds its rows to {@link #output0Buffer()}. */
  public void createNewOutputRows() throws Exception {}

  /**
   * {@code PostExecute()}: after the last row, also when the flow failed. The only place that may
   * write {@code readWriteVariables}, as in SSIS.
   */
  public void postExecute() throws Exception {}

  /** {@code this.Variables}: the declared read-only and read-write variables. */
  protected final Variables variables() {
    return context().variables();
  }

  /** {@code this.Connections}: the package's connection managers. */
  protected final Connections connections() {
    return context().connections();
  }

  /** {@code ComponentMetaData.FireInformation(...)} and the other events. */
  protected final ScriptEvents events() {
    return context().events();
  }

  /** {@code Output0Buffer} of a source. */
  protected final ScriptOutput output0Buffer() {
    ScriptOutput output = context().output();
    if (output == null) {
      throw new IllegalStateException("only a Script Component source has Output0Buffer");
    }
    return output;
  }

  /**
   * An asynchronous output by name, {@code RejectsBuffer} for {@code outputs: [{name: Rejects,
   * ...}]} (matched ignoring case; {@code Output} is a source's default output, the same as {@link
   * #output0Buffer()}).
   */
  protected final ScriptOutput outputBuffer(String name) {
    ScriptOutput output = context().output(name);
    if (output == null) {
      throw new IllegalArgumentException(
          "the script component has no asynchronous output '" + name + "'");
    }
    return output;
  }

  /** Whether the execution was stopped; a long loop checks it. */
  protected final boolean cancelled() {
    return context().cancelled();
  }

  /** The component's name ({@code ComponentMetaData.Name}). */
  protected final String componentName() {
    return context().componentName();
  }

  private ScriptComponentContext context() {
    if (context == null) {
      throw new IllegalStateException("the script component is not attached yet (constructor?)");
    }
    return context;
  }
}
