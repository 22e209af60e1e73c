package io.sluice.ssis.report;

/**
 * One element of an SSIS package and what the import made of it.
 *
 * @param packageName the Sluice package it belongs to, or null for the project (project parameters
 *     and connections)
 * @param path where it is in the SSIS package, as SSIS names it: {@code \Package\Sequence 1\Send
 *     report}, {@code \Package.Variables[User::Count]}, {@code \Package.ConnectionManagers[DW]}
 * @param ssisType the SSIS type as written in the package ({@code Microsoft.SendMailTask}, {@code
 *     OLEDB}), or the kind of element when it has no type
 * @param note for CONVERTED, what the user should know (a guessed JDBC URL, Kerberos); otherwise
 *     why it was not converted
 * @param todo what to do about it, or null when nothing is needed
 */
public record ImportEntry(
    String packageName,
    String path,
    ElementKind kind,
    String ssisType,
    Outcome outcome,
    String note,
    String todo) {

  /** What an element was in SSIS. */
  public enum ElementKind {
    PARAMETER,
    VARIABLE,
    CONNECTION,
    TASK,
    CONTAINER,
    CONSTRAINT,
    EVENT_HANDLER,
    COMPONENT,
    /** A setting, property expression, log provider or configuration: reported, not counted. */
    PROPERTY,
    /**
     * A T-SQL construct of a statement checked for PostgreSQL: CONVERTED when it was rewritten (or
     * works with a condition the note says), LEFT_OUT when it stays as written and PostgreSQL
     * refuses it. Reported, not counted.
     */
    SQL;

    /** Whether it counts as an element of the package (issue 12's coverage measure). */
    public boolean counted() {
      return this != PROPERTY && this != SQL;
    }
  }

  /** What became of it. */
  public enum Outcome {
    /** In the project and runs as in SSIS (a note may still ask for a check). */
    CONVERTED,
    /**
     * An {@code Unsupported} task in its place, failing with the reason if it is reached; or a task
     * of the real type that fails until a person finishes it (a Script task to port).
     */
    PLACEHOLDER,
    /** Not in the project at all. */
    LEFT_OUT
  }

  /** Whether the user needs to act on this entry. */
  public boolean needsAttention() {
    return outcome != Outcome.CONVERTED || note != null || todo != null;
  }
}
