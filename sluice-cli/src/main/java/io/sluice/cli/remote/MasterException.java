package io.sluice.cli.remote;

/**
 * The master could not be asked, or refused for a reason that is not the catalog's: unreachable,
 * TLS, credentials (401/403), a server error. Catalog refusals come back as the same {@link
 * io.sluice.catalog.CatalogException} a local catalog throws.
 */
public final class MasterException extends RuntimeException {

  private final String hint;
  private final boolean credentials;

  MasterException(String message, String hint, boolean credentials) {
    super(message);
    this.hint = hint;
    this.credentials = credentials;
  }

  public String hint() {
    return hint;
  }

  /** Whether the credentials given are the problem (missing, wrong, or without the right). */
  public boolean credentials() {
    return credentials;
  }
}
