package io.sluice.catalog.testing;

import io.sluice.catalog.security.SecretCipher;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Inserts the definitions tests need (folders, projects, packages, parameters, environments) with
 * plain SQL, as a deploy would leave them. Sensitive values are encrypted with {@link
 * TestCatalog#cipher()}.
 */
public final class CatalogRows {

  private final Jdbi jdbi;
  private final SecretCipher cipher = TestCatalog.cipher();

  public CatalogRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A deployed project: its id and the id of its current version. */
  public record Deployed(long folderId, long projectId, long versionId) {}

  public long folder(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into folder (name, created_by) values (:name, 'test') returning folder_id")
                .bind("name", name)
                .mapTo(long.class)
                .one());
  }

  /** A project with one version (made current) in folder {@code folderId}. */
  public Deployed project(long folderId, String name) {
    return jdbi.inTransaction(
        h -> {
          long projectId =
              h.createQuery(
                      """
                      insert into project (folder_id, name) values (:folderId, :name)
                      returning project_id
                      """)
                  .bind("folderId", folderId)
                  .bind("name", name)
                  .mapTo(long.class)
                  .one();
          long versionId = newVersionOf(h, projectId);
          return new Deployed(folderId, projectId, versionId);
        });
  }

  /** Deploys a new version of the project and makes it current; returns its id. */
  public long newVersion(long projectId) {
    return jdbi.inTransaction(h -> newVersionOf(h, projectId));
  }

  private static long newVersionOf(org.jdbi.v3.core.Handle h, long projectId) {
    long versionId =
        h.createQuery(
                """
                insert into project_version (project_id, version_number, archive, archive_sha256,
                                             deployed_by)
                values (:projectId,
                        (select coalesce(max(version_number), 0) + 1 from project_version
                         where project_id = :projectId),
                        '\\x00', 'sha', 'test')
                returning version_id
                """)
            .bind("projectId", projectId)
            .mapTo(long.class)
            .one();
    h.createUpdate("update project set current_version_id = :v where project_id = :p")
        .bind("v", versionId)
        .bind("p", projectId)
        .execute();
    return versionId;
  }

  public void packageOf(long versionId, String name, boolean entryPoint) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into package (version_id, name, entry_point)
                    values (:versionId, :name, :entryPoint)
                    """)
                .bind("versionId", versionId)
                .bind("name", name)
                .bind("entryPoint", entryPoint)
                .execute());
  }

  /**
   * A parameter; {@code objectName} is the project name (20) or the package name (30). A sensitive
   * design default is stored encrypted. Returns its id.
   */
  public long parameter(
      long versionId,
      int objectType,
      String objectName,
      String name,
      String dataType,
      boolean required,
      boolean sensitive,
      String designDefault) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    insert into parameter (version_id, object_type, object_name, name, data_type,
                                           required, sensitive, design_default_value,
                                           design_default_secret)
                    values (:versionId, :objectType, :objectName, :name, :dataType,
                            :required, :sensitive, :value, :secret)
                    returning parameter_id
                    """)
                .bind("versionId", versionId)
                .bind("objectType", objectType)
                .bind("objectName", objectName)
                .bind("name", name)
                .bind("dataType", dataType)
                .bind("required", required)
                .bind("sensitive", sensitive)
                .bind("value", sensitive ? null : designDefault)
                .bind(
                    "secret",
                    sensitive && designDefault != null ? cipher.encrypt(designDefault) : null)
                .mapTo(long.class)
                .one());
  }

  /** Gives a parameter a literal server value (encrypted if the parameter is sensitive). */
  public void serverValue(long parameterId, String value) {
    jdbi.useHandle(
        h -> {
          boolean sensitive =
              h.createQuery("select sensitive from parameter where parameter_id = :id")
                  .bind("id", parameterId)
                  .mapTo(boolean.class)
                  .one();
          h.createUpdate(
                  """
                  update parameter
                  set value_type = 'V', server_value = :value, server_value_secret = :secret
                  where parameter_id = :id
                  """)
              .bind("value", sensitive ? null : value)
              .bind("secret", sensitive ? cipher.encrypt(value) : null)
              .bind("id", parameterId)
              .execute();
        });
  }

  /** Makes a parameter's server value a reference to an environment variable. */
  public void serverReference(long parameterId, String variableName) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    update parameter set value_type = 'R', referenced_variable = :variable
                    where parameter_id = :id
                    """)
                .bind("variable", variableName)
                .bind("id", parameterId)
                .execute());
  }

  public long environment(long folderId, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    insert into environment (folder_id, name) values (:folderId, :name)
                    returning environment_id
                    """)
                .bind("folderId", folderId)
                .bind("name", name)
                .mapTo(long.class)
                .one());
  }

  public void variable(
      long environmentId, String name, String dataType, boolean sensitive, String value) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into environment_variable (environment_id, name, data_type, sensitive,
                                                      value, value_secret)
                    values (:environmentId, :name, :dataType, :sensitive, :value, :secret)
                    """)
                .bind("environmentId", environmentId)
                .bind("name", name)
                .bind("dataType", dataType)
                .bind("sensitive", sensitive)
                .bind("value", sensitive ? null : value)
                .bind("secret", sensitive ? cipher.encrypt(value) : null)
                .execute());
  }

  /** A relative reference (environment in the project's own folder). */
  public long relativeReference(long projectId, String environmentName) {
    return reference(projectId, "R", null, environmentName);
  }

  /** An absolute reference (environment in the named folder). */
  public long absoluteReference(long projectId, String folder, String environmentName) {
    return reference(projectId, "A", folder, environmentName);
  }

  private long reference(long projectId, String type, String folder, String environmentName) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    insert into environment_reference (project_id, reference_type,
                                                       environment_folder, environment_name)
                    values (:projectId, :type, :folder, :environment)
                    returning reference_id
                    """)
                .bind("projectId", projectId)
                .bind("type", type)
                .bind("folder", folder)
                .bind("environment", environmentName)
                .mapTo(long.class)
                .one());
  }

  /** A registered worker agent. */
  public UUID worker(String displayName) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into worker_agent (worker_agent_id, display_name, machine_name,
                                              certificate_fingerprint)
                    values (:id, :name, 'worker-host', :fingerprint)
                    """)
                .bind("id", id)
                .bind("name", displayName)
                .bind("fingerprint", "fp-" + id)
                .execute());
    return id;
  }
}
