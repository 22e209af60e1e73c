package io.sluice.cli.common;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.database.CatalogFailover;
import io.sluice.catalog.database.CatalogUnavailableException;
import io.sluice.catalog.security.SecretDecryptionException;
import io.sluice.cli.remote.MasterException;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.master.config.SettingsException;
import io.sluice.protocol.tls.TlsSetupException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a one-line cause and a hint on stderr, never a stack trace (set
 * SLUICE_DEBUG=1 to see one). Exit codes: 1 the operation failed, 2 bad input or arguments.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;

  static final String KEY_HINT =
      "use the catalog key the values were stored with (--catalog-key-file, SLUICE_CATALOG_KEY_FILE"
          + " or SLUICE_CATALOG_KEY): restore it from your backup";

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    var err = cmd.getErr();
    if (System.getenv("SLUICE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    if (e instanceof CatalogException ce) {
      error(err, ce.getMessage());
      hint(err, ce.hint());
      return ce.reason() == CatalogException.Reason.INVALID ? BAD_INPUT : FAILED;
    }
    if (e instanceof MasterException me) {
      error(err, me.getMessage());
      hint(err, me.hint());
      return me.credentials() ? BAD_INPUT : FAILED;
    }
    if (e instanceof UsageException ue) {
      error(err, ue.getMessage());
      hint(err, ue.hint());
      return BAD_INPUT;
    }
    if (e instanceof SettingsException se) {
      error(err, se.getMessage());
      hint(err, se.hint());
      return BAD_INPUT;
    }
    if (e instanceof TlsSetupException te) {
      error(err, te.getMessage());
      hint(err, te.hint());
      return BAD_INPUT;
    }
    if (e instanceof ProjectFormatException pfe) {
      error(err, pfe.getMessage());
      hint(
          err,
          pfe.hint() != null ? pfe.hint() : "fix the files named above and run the command again");
      return BAD_INPUT;
    }
    if (e instanceof SecretDecryptionException) {
      error(err, e.getMessage());
      hint(err, KEY_HINT);
      return FAILED;
    }
    if (e instanceof CatalogUnavailableException) {
      error(err, e.getMessage());
      return FAILED;
    }
    // After CatalogUnavailableException (no catalog to start with): this one went away meanwhile.
    if (CatalogFailover.isCatalogUnreachable(e)) {
      error(err, "lost the catalog database: " + sqlMessage(e));
      hint(
          err,
          "it stopped, restarted or is failing over to its standby: run the command again once it"
              + " answers (a command that changes something may have been done: look before"
              + " repeating it)");
      return FAILED;
    }
    error(err, e.getMessage() == null ? e.toString() : e.getMessage());
    hint(
        err, "run again with SLUICE_DEBUG=1 for the details, and report it if it looks like a bug");
    return FAILED;
  }

  /**
   * The driver's own words (the innermost cause is often a bare EOFException); a failover error
   * always has an SQLException in its chain.
   */
  private static String sqlMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * The error line. A message may quote what was typed or stored: a control or invisible character
   * in it is shown as {@code <U+202E>}, not obeyed.
   */
  private static void error(java.io.PrintWriter err, String message) {
    err.println("error: " + Output.terminal(message));
  }

  private static void hint(java.io.PrintWriter err, String hint) {
    if (hint != null && !hint.isBlank()) {
      err.println("hint: " + Output.terminal(hint));
    }
  }
}
