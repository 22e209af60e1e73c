package io.sluice.catalog.project;

import org.jdbi.v3.core.Handle;

/** Moves server values between project versions on deploy, and resets them on restore. */
final class ServerValues {

  // A literal moves only between parameters of the same sensitivity: it must not turn from
  // ciphertext into clear text or back. A reference names a variable and moves either way.
  private static final String CARRY_OVER =
      """
      update parameter p
         set value_type = old.value_type,
             server_value = old.server_value,
             server_value_secret = old.server_value_secret,
             referenced_variable = old.referenced_variable
        from parameter old
       where p.version_id = :newVersionId
         and old.version_id = :oldVersionId
         and old.value_type is not null
         and old.object_type = p.object_type
         and old.object_name = p.object_name
         and old.name = p.name
         and old.data_type = p.data_type
         and (old.value_type = 'R' or old.sensitive = p.sensitive)
      """;

  private static final String CLEAR_ALL =
      """
      update parameter
         set value_type = null, server_value = null, server_value_secret = null,
             referenced_variable = null
       where version_id = :versionId
         and value_type is not null
      """;

  private ServerValues() {}

  /** Copies server values of still-existing, same-typed parameters; returns how many. */
  static int carryOver(Handle h, long oldVersionId, long newVersionId) {
    return h.createUpdate(CARRY_OVER)
        .bind("oldVersionId", oldVersionId)
        .bind("newVersionId", newVersionId)
        .execute();
  }

  /** Resets every parameter of a version to its design default; returns how many had a value. */
  static int clear(Handle h, long versionId) {
    return h.createUpdate(CLEAR_ALL).bind("versionId", versionId).execute();
  }
}
