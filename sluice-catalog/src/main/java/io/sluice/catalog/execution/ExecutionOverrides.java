package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.project.StoredArchives;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrideException;
import io.sluice.engine.project.PropertyOverrides;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The property overrides of executions (SSIS execution_property_override_values): stored, listed
 * with secrets hidden, and handed decrypted to what runs the execution. A path is checked against
 * the execution's package when it is set, by the engine's own {@link PropertyOverrides}, so a
 * mistake is refused at once (as SSIS refuses an invalid path) instead of failing the run later.
 */
final class ExecutionOverrides {

  /** SSIS's property_path is nvarchar(4000). */
  static final int MAX_PATH = 4000;

  private ExecutionOverrides() {}

  static void set(
      CatalogContext context,
      Handle handle,
      Execution execution,
      String path,
      String value,
      boolean sensitive) {
    if (path == null || path.isBlank()) {
      throw CatalogException.invalid(
          "the property path is missing",
          "give an SSIS property path, e.g. \\Package.Variables[User::Day].Value");
    }
    if (path.length() > MAX_PATH) {
      throw CatalogException.invalid(
          "the property path is " + path.length() + " characters long; at most " + MAX_PATH,
          "give the path of one property of the package");
    }
    if (value == null) {
      throw CatalogException.invalid(
          "property override " + path + " needs a value", "give the value to set");
    }
    Project project = project(context, handle, execution.projectVersionId());
    PropertyOverride override = new PropertyOverride(path, value, sensitive);
    try {
      PropertyOverrides.of(List.of(override)).apply(project, execution.packageName());
    } catch (PropertyOverrideException e) {
      throw CatalogException.invalid(e.getMessage(), e.hint());
    }
    boolean secret =
        sensitive || PropertyOverrides.holdsSecret(project, execution.packageName(), path);
    handle
        .createUpdate(
            """
            delete from execution_property_override
            where execution_id = :executionId and property_path = :path
            """)
        .bind("executionId", execution.executionId())
        .bind("path", path)
        .execute();
    handle
        .createUpdate(
            """
            insert into execution_property_override (execution_id, property_path, sensitive,
                                                     value, value_secret)
            values (:executionId, :path, :sensitive, :value, :secret)
            """)
        .bind("executionId", execution.executionId())
        .bind("path", path)
        .bind("sensitive", sensitive)
        .bind("value", secret ? null : value)
        .bind("secret", secret ? context.cipher().encrypt(value) : null)
        .execute();
  }

  static List<ExecutionPropertyOverride> shown(Handle handle, long executionId) {
    return handle
        .createQuery(
            """
            select property_path, value, value_secret is not null as sensitive
            from execution_property_override
            where execution_id = :executionId
            order by override_id
            """)
        .bind("executionId", executionId)
        .map(ConstructorMapper.of(ExecutionPropertyOverride.class))
        .list();
  }

  /** DECRYPTED: only for what runs the execution. */
  static List<PropertyOverride> resolved(CatalogContext context, Handle handle, long executionId) {
    return handle
        .createQuery(
            """
            select property_path, sensitive, value, value_secret
            from execution_property_override
            where execution_id = :executionId
            order by override_id
            """)
        .bind("executionId", executionId)
        .map(
            (rs, ctx) ->
                new PropertyOverride(
                    rs.getString("property_path"),
                    SealedValues.read(context.cipher(), rs),
                    rs.getBoolean("sensitive")))
        .list();
  }

  private static Project project(CatalogContext context, Handle handle, long versionId) {
    byte[] archive =
        handle
            .createQuery(
                "select archive, archive_encrypted from project_version where version_id = :id")
            .bind("id", versionId)
            .map(StoredArchives.mapper(context.cipher()))
            .one();
    return ProjectArchive.read(archive);
  }
}
