package io.sluice.catalog.folder;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** {@link Folders} on the catalog database. */
public final class JdbcFolders implements Folders {

  private static final String INSERT =
      """
      insert into folder (name, description, created_by)
      values (:name, :description, :createdBy)
      on conflict (name) do nothing
      """;

  private static final String SELECT =
      """
      select f.folder_id, f.name, f.description, f.created_by, f.created_time,
             (select count(*) from project p where p.folder_id = f.folder_id) as project_count,
             (select count(*) from environment e where e.folder_id = f.folder_id) as environment_count
        from folder f
      """;

  private static final String UPDATE_DESCRIPTION =
      "update folder set description = :description where name = :name";

  // Deletes only an empty folder; the foreign keys back this up if a deploy races with it.
  private static final String DELETE_IF_EMPTY =
      """
      delete from folder f
       where f.name = :name
         and not exists (select 1 from project p where p.folder_id = f.folder_id)
         and not exists (select 1 from environment e where e.folder_id = f.folder_id)
      """;

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final CatalogContext context;

  public JdbcFolders(CatalogContext context) {
    this.context = context;
  }

  @Override
  public Folder create(String name, String description) {
    CatalogNames.require("folder", name);
    String checked = CatalogNames.description("folder", description);
    return context
        .database()
        .jdbi()
        .inTransaction(
            h -> {
              int inserted =
                  h.createUpdate(INSERT)
                      .bind("name", name)
                      .bind("description", checked)
                      .bind("createdBy", context.caller())
                      .execute();
              if (inserted == 0) {
                throw CatalogException.conflict(
                    "folder '" + name + "' already exists",
                    "choose another name, or use the existing folder (see: sluice catalog folders"
                        + " list)");
              }
              return require(h, name);
            });
  }

  @Override
  public List<Folder> list() {
    return context
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(SELECT + " order by f.name")
                    .map(ConstructorMapper.of(Folder.class))
                    .list());
  }

  @Override
  public Folder get(String name) {
    return context.database().jdbi().withHandle(h -> require(h, name));
  }

  @Override
  public Folder setDescription(String name, String description) {
    String checked = CatalogNames.description("folder", description);
    return context
        .database()
        .jdbi()
        .inTransaction(
            h -> {
              int updated =
                  h.createUpdate(UPDATE_DESCRIPTION)
                      .bind("name", name)
                      .bind("description", checked)
                      .execute();
              if (updated == 0) {
                throw FolderLookup.notFound(name);
              }
              return require(h, name);
            });
  }

  @Override
  public void delete(String name) {
    context
        .database()
        .jdbi()
        .useTransaction(
            h -> {
              if (deleteIfEmpty(h, name)) {
                return;
              }
              Folder folder = require(h, name);
              throw CatalogException.conflict(
                  "folder '"
                      + name
                      + "' still holds "
                      + folder.projectCount()
                      + " project(s) and "
                      + folder.environmentCount()
                      + " environment(s)",
                  "delete them first (sluice catalog projects delete / sluice catalog environments"
                      + " delete), then the folder");
            });
  }

  private static boolean deleteIfEmpty(Handle h, String name) {
    try {
      return h.createUpdate(DELETE_IF_EMPTY).bind("name", name).execute() == 1;
    } catch (UnableToExecuteStatementException e) {
      // A deploy or environment created in the folder while the delete waited for its lock.
      if (e.getCause() instanceof SQLException sql
          && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
        throw CatalogException.conflict(
            "folder '" + name + "' received a project or environment while it was being deleted",
            "list its contents with: sluice catalog projects list --folder " + name);
      }
      throw e;
    }
  }

  private static Folder require(Handle h, String name) {
    return find(h, name).orElseThrow(() -> FolderLookup.notFound(name));
  }

  private static Optional<Folder> find(Handle h, String name) {
    return h.createQuery(SELECT + " where f.name = :name")
        .bind("name", name)
        .map(ConstructorMapper.of(Folder.class))
        .findOne();
  }
}
