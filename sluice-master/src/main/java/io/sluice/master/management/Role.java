package io.sluice.master.management;

import java.util.Arrays;

/**
 * What a caller of the management API may do. Administrator certificates are always {@link #ADMIN};
 * an API token has the role it was created with ({@code sluice tokens create NAME [--read-only]}),
 * so a dashboard or a monitoring script can look without being able to change.
 */
public enum Role {
  /** Reads and changes everything. */
  ADMIN("admin"),
  /** Reads only: every request other than GET, HEAD and OPTIONS is refused with 403. */
  READ("read");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  /** As stored in {@code api_token.role} and shown by {@code sluice tokens list}. */
  public String code() {
    return code;
  }

  static Role ofCode(String code) {
    return Arrays.stream(values())
        .filter(r -> r.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown api_token role " + code));
  }

  @Override
  public String toString() {
    return code;
  }
}
