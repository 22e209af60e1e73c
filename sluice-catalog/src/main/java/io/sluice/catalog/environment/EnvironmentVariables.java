package io.sluice.catalog.environment;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import io.sluice.catalog.security.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The variables of one environment; sensitive values go to {@code value_secret} only. */
final class EnvironmentVariables {

  private static final String UPSERT =
      """
      insert into environment_variable
             (environment_id, name, data_type, sensitive, value, value_secret, description)
      values (:environmentId, :name, :dataType, :sensitive, :value, :secret,
              coalesce(:description, ''))
      on conflict (environment_id, name) do update
         set data_type = excluded.data_type,
             sensitive = excluded.sensitive,
             value = excluded.value,
             value_secret = excluded.value_secret,
             description = coalesce(:description, environment_variable.description)
      """;

  private static final String SELECT =
      """
      select name, data_type, sensitive, value, description
        from environment_variable
       where environment_id = :environmentId
      """;

  private static final String DELETE =
      "delete from environment_variable where environment_id = :environmentId and name = :name";

  private final SecretCipher cipher;

  EnvironmentVariables(SecretCipher cipher) {
    this.cipher = cipher;
  }

  EnvironmentVariable set(
      Handle h,
      long environmentId,
      String name,
      VariableType type,
      String value,
      boolean sensitive,
      String description) {
    CatalogNames.require("environment variable", name);
    CatalogNames.requireDescription("environment variable", description); // null keeps the old one
    if (type == null) {
      throw CatalogException.invalid(
          "environment variable '" + name + "' needs a type", "use one of " + VariableType.names());
    }
    if (value == null) {
      throw CatalogException.invalid(
          "environment variable '" + name + "' needs a value", "give a value of type " + type);
    }
    type.invalidValue(value, sensitive)
        .ifPresent(
            why -> {
              throw CatalogException.invalid(
                  "environment variable '" + name + "' is " + type + ": " + why,
                  "give a value of type " + type + ", or choose another --type");
            });
    h.createUpdate(UPSERT)
        .bind("environmentId", environmentId)
        .bind("name", name)
        .bind("dataType", type.ssisName())
        .bind("sensitive", sensitive)
        .bind("value", sensitive ? null : value)
        .bind("secret", sensitive ? cipher.encrypt(value) : null)
        .bind("description", description)
        .execute();
    return h.createQuery(SELECT + " and name = :name")
        .bind("environmentId", environmentId)
        .bind("name", name)
        .map(EnvironmentVariables::masked)
        .one();
  }

  List<EnvironmentVariable> list(Handle h, long environmentId) {
    return h.createQuery(SELECT + " order by name")
        .bind("environmentId", environmentId)
        .map(EnvironmentVariables::masked)
        .list();
  }

  void delete(Handle h, long environmentId, String environment, String name) {
    int deleted =
        h.createUpdate(DELETE).bind("environmentId", environmentId).bind("name", name).execute();
    if (deleted == 0) {
      List<String> existing =
          list(h, environmentId).stream().map(EnvironmentVariable::name).toList();
      throw CatalogException.notFound(
          "environment '" + environment + "' has no variable '" + name + "'",
          existing.isEmpty()
              ? "the environment has no variables"
              : "its variables are: " + String.join(", ", existing));
    }
  }

  private static EnvironmentVariable masked(ResultSet rs, StatementContext ctx)
      throws SQLException {
    boolean sensitive = rs.getBoolean("sensitive");
    return new EnvironmentVariable(
        rs.getString("name"),
        rs.getString("data_type"),
        sensitive,
        sensitive ? "********" : rs.getString("value"),
        rs.getString("description"));
  }
}
