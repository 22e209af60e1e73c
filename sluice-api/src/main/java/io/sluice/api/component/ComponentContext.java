package io.sluice.api.component;

import io.sluice.api.context.Cancellation;
import io.sluice.api.context.Connections;
import io.sluice.api.context.Events;
import io.sluice.api.context.Variables;

/** What a running component may use. */
public interface ComponentContext {

  String componentName();

  /** The package's variables; read-only inside a data flow, as in SSIS. */
  Variables variables();

  Connections connections();

  Events events();

  Cancellation cancellation();

  /**
   * The rows of an asynchronous output ({@link ComponentSetup#addOutput}, or a source's output 0),
   * to add rows to from the component's own thread: from {@code preExecute} on, until {@code
   * postExecute}. A source's output 0 is also the argument of {@link
   * ComponentRuntime#createNewOutputRows}.
   *
   * @throws IllegalArgumentException when the output is not an asynchronous output of this run
   */
  default OutputRows output(int output) {
    throw new IllegalArgumentException("this Sluice has one output per component");
  }

  /** A file of the project by relative path, e.g. {@code scripts/Load/ScriptMain.java}, or null. */
  default byte[] projectFile(String path) {
    return null;
  }
}
