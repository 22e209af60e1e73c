package io.sluice.catalog.environment;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.project.ProjectLookup;
import io.sluice.catalog.project.ProjectLookup.ProjectRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** A project's references to environments. */
final class EnvironmentReferences {

  private static final String INSERT =
      """
      insert into environment_reference
             (project_id, reference_type, environment_folder, environment_name)
      values (:projectId, :type, :environmentFolder, :environmentName)
      on conflict (project_id, reference_type, coalesce(environment_folder, ''), environment_name)
      do nothing
      returning reference_id
      """;

  // A relative reference has no folder of its own: it follows the project's.
  private static final String SELECT =
      """
      select r.reference_id, f.name as folder, p.name as project, r.reference_type,
             coalesce(r.environment_folder, f.name) as environment_folder, r.environment_name,
             exists (select 1
                       from environment e
                       join folder ef on ef.folder_id = e.folder_id
                      where ef.name = coalesce(r.environment_folder, f.name)
                        and e.name = r.environment_name) as environment_exists
        from environment_reference r
        join project p on p.project_id = r.project_id
        join folder f on f.folder_id = p.folder_id
      """;

  private static final String DELETE =
      "delete from environment_reference where reference_id = :referenceId";

  EnvironmentReference add(
      Handle h,
      String folder,
      String project,
      ReferenceType type,
      String environmentFolderOrNull,
      String environmentName) {
    if (type == ReferenceType.RELATIVE && environmentFolderOrNull != null) {
      throw CatalogException.invalid(
          "a relative reference uses the project's own folder, but folder '"
              + environmentFolderOrNull
              + "' was given",
          "make it absolute to name another folder, or drop the folder");
    }
    if (type == ReferenceType.ABSOLUTE && environmentFolderOrNull == null) {
      throw CatalogException.invalid(
          "an absolute reference needs the folder of its environment",
          "give the environment's folder (--environment-folder)");
    }
    ProjectRow row = ProjectLookup.requireForShare(h, folder, project);
    String environmentFolder = type == ReferenceType.RELATIVE ? folder : environmentFolderOrNull;
    EnvironmentLookup.requireId(h, environmentFolder, environmentName);
    Long referenceId =
        h.createQuery(INSERT)
            .bind("projectId", row.projectId())
            .bind("type", type.code())
            .bind("environmentFolder", environmentFolderOrNull)
            .bind("environmentName", environmentName)
            .mapTo(Long.class)
            .findOne()
            .orElseThrow(
                () ->
                    CatalogException.conflict(
                        "project '"
                            + project
                            + "' already references environment '"
                            + environmentName
                            + "' in folder '"
                            + environmentFolder
                            + "' ("
                            + type.name().toLowerCase(Locale.ROOT)
                            + ")",
                        "see its references with: sluice catalog references list --folder "
                            + folder
                            + " --project "
                            + project));
    return h.createQuery(SELECT + " where r.reference_id = :referenceId")
        .bind("referenceId", referenceId)
        .map(EnvironmentReferences::map)
        .one();
  }

  List<EnvironmentReference> list(Handle h, String folder, String project) {
    return h.createQuery(SELECT + " where r.project_id = :projectId order by r.reference_id")
        .bind("projectId", ProjectLookup.require(h, folder, project).projectId())
        .map(EnvironmentReferences::map)
        .list();
  }

  void delete(Handle h, long referenceId) {
    if (h.createUpdate(DELETE).bind("referenceId", referenceId).execute() == 0) {
      throw CatalogException.notFound(
          "there is no environment reference " + referenceId,
          "list a project's references with: sluice catalog references list --folder F --project"
              + " P");
    }
  }

  private static EnvironmentReference map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new EnvironmentReference(
        rs.getLong("reference_id"),
        rs.getString("folder"),
        rs.getString("project"),
        ReferenceType.ofCode(rs.getString("reference_type")),
        rs.getString("environment_folder"),
        rs.getString("environment_name"),
        rs.getBoolean("environment_exists"));
  }
}
