package io.sluice.catalog.environment;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import io.sluice.catalog.folder.FolderLookup;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Environments} on the catalog database. */
public final class JdbcEnvironments implements Environments {

  private static final String INSERT =
      """
      insert into environment (folder_id, name, description)
      values (:folderId, :name, :description)
      on conflict (folder_id, name) do nothing
      """;

  private static final String SELECT =
      """
      select e.environment_id, f.name as folder, e.name, e.description,
             (select count(*) from environment_variable v where v.environment_id = e.environment_id)
               as variable_count
        from environment e
        join folder f on f.folder_id = e.folder_id
      """;

  private static final String UPDATE_DESCRIPTION =
      "update environment set description = :description where environment_id = :environmentId";

  private static final String DELETE =
      "delete from environment where environment_id = :environmentId";

  private final CatalogContext context;
  private final EnvironmentVariables variables;
  private final EnvironmentReferences references;

  public JdbcEnvironments(CatalogContext context) {
    this.context = context;
    this.variables = new EnvironmentVariables(context.cipher());
    this.references = new EnvironmentReferences();
  }

  private Jdbi jdbi() {
    return context.database().jdbi();
  }

  @Override
  public Environment create(String folder, String name, String description) {
    CatalogNames.require("environment", name);
    String checked = CatalogNames.description("environment", description);
    return jdbi()
        .inTransaction(
            h -> {
              long folderId = FolderLookup.requireId(h, folder);
              int inserted =
                  h.createUpdate(INSERT)
                      .bind("folderId", folderId)
                      .bind("name", name)
                      .bind("description", checked)
                      .execute();
              if (inserted == 0) {
                throw CatalogException.conflict(
                    "environment '" + name + "' already exists in folder '" + folder + "'",
                    "choose another name, or change its variables with: sluice catalog variables"
                        + " set --folder "
                        + folder
                        + " --environment "
                        + name);
              }
              return require(h, folder, name);
            });
  }

  @Override
  public List<Environment> list(String folderOrNull) {
    return jdbi()
        .withHandle(
            h -> {
              if (folderOrNull == null) {
                return h.createQuery(SELECT + " order by f.name, e.name")
                    .map(ConstructorMapper.of(Environment.class))
                    .list();
              }
              FolderLookup.requireId(h, folderOrNull);
              return h.createQuery(SELECT + " where f.name = :folder order by e.name")
                  .bind("folder", folderOrNull)
                  .map(ConstructorMapper.of(Environment.class))
                  .list();
            });
  }

  @Override
  public Environment get(String folder, String name) {
    return jdbi().withHandle(h -> require(h, folder, name));
  }

  @Override
  public Environment setDescription(String folder, String name, String description) {
    String checked = CatalogNames.description("environment", description);
    return jdbi()
        .inTransaction(
            h -> {
              h.createUpdate(UPDATE_DESCRIPTION)
                  .bind("environmentId", EnvironmentLookup.requireId(h, folder, name))
                  .bind("description", checked)
                  .execute();
              return require(h, folder, name);
            });
  }

  @Override
  public void delete(String folder, String name) {
    jdbi()
        .useTransaction(
            h ->
                h.createUpdate(DELETE)
                    .bind("environmentId", EnvironmentLookup.requireId(h, folder, name))
                    .execute());
  }

  @Override
  public EnvironmentVariable setVariable(
      String folder,
      String environment,
      String name,
      VariableType type,
      String value,
      boolean sensitive,
      String description) {
    return jdbi()
        .inTransaction(
            h ->
                variables.set(
                    h,
                    EnvironmentLookup.requireId(h, folder, environment),
                    name,
                    type,
                    value,
                    sensitive,
                    description));
  }

  @Override
  public List<EnvironmentVariable> listVariables(String folder, String environment) {
    return jdbi()
        .withHandle(h -> variables.list(h, EnvironmentLookup.requireId(h, folder, environment)));
  }

  @Override
  public void deleteVariable(String folder, String environment, String name) {
    jdbi()
        .useTransaction(
            h ->
                variables.delete(
                    h, EnvironmentLookup.requireId(h, folder, environment), environment, name));
  }

  @Override
  public EnvironmentReference addReference(
      String folder,
      String project,
      ReferenceType type,
      String environmentFolderOrNull,
      String environmentName) {
    return jdbi()
        .inTransaction(
            h ->
                references.add(h, folder, project, type, environmentFolderOrNull, environmentName));
  }

  @Override
  public List<EnvironmentReference> listReferences(String folder, String project) {
    return jdbi().withHandle(h -> references.list(h, folder, project));
  }

  @Override
  public void deleteReference(long referenceId) {
    jdbi().useTransaction(h -> references.delete(h, referenceId));
  }

  private static Environment require(Handle h, String folder, String name) {
    return h.createQuery(SELECT + " where f.name = :folder and e.name = :name")
        .bind("folder", folder)
        .bind("name", name)
        .map(ConstructorMapper.of(Environment.class))
        .findOne()
        .orElseThrow(() -> EnvironmentLookup.notFound(h, folder, name));
  }
}
