package io.sluice.ssis.convert.dataflow;

import java.util.Map;
import java.util.Optional;

/**
 * What the data flow converter needs from the package around the Data Flow task: its connections,
 * its variables and the import report. The package converter implements it, so this package sees
 * nothing else of it.
 */
public interface DataFlowHost {

  /**
   * A connection manager named as a component names it (DTSID, refId, or {@code
   * Package.ConnectionManagers[Name]}).
   */
  Optional<Connection> connection(String reference);

  /**
   * Why a variable or parameter reference ({@code User::Count}, {@code $Package::Day}) cannot work
   * in the converted package, or empty when it can.
   *
   * @param written whether the component writes into it
   */
  Optional<String> referenceProblem(String reference, boolean written);

  /**
   * The SQL text of a source or lookup as the import writes it: as written, checked for PostgreSQL
   * (and rewritten with {@code --sql-dialect postgresql}) as an Execute SQL task's is, its findings
   * reported under {@code path}.
   */
  String sql(String path, String connection, String sql);

  /**
   * Writes a Script component's source files (name to text) beside the package for porting, as a
   * Script task's are; returns the folder, or null when nothing was written.
   */
  String scriptSources(String taskName, String componentName, Map<String, String> files);

  /**
   * Adds a {@code file} connection for a component that names its file itself (an XML Source's
   * XMLData) and returns its name, made unique among the package's connections.
   *
   * @param path the file, or null when {@code pathExpression} sets it
   * @param pathExpression an expression for the path (a variable's), or null
   */
  String fileConnection(String name, String path, String pathExpression);

  void converted(String path, String ssisType, String note, String todo);

  void leftOut(String path, String ssisType, String why, String todo);

  /**
   * A component in the flow with its real type that does not yet do what it did in SSIS (a Script
   * Component whose Java fails until ported): a placeholder in the report.
   */
  void placeholder(String path, String ssisType, String why, String todo);

  /** A setting of a component that Sluice does not honour (reported, not counted). */
  void propertyNotHonoured(String path, String ssisType, String why, String todo);

  /**
   * A connection manager and what it became.
   *
   * @param type the Sluice connection type ({@code jdbc}, {@code flatFile}), or null when it was
   *     not converted
   * @param why why it was not converted, or null
   * @param runtimePath whether an expression sets its file or path, so that it is known only when
   *     the package runs
   */
  record Connection(String name, String type, String why, boolean runtimePath) {}
}
