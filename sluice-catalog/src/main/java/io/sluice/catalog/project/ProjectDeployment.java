package io.sluice.catalog.project;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogNames;
import io.sluice.catalog.folder.FolderLookup;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One deploy, inside the caller's transaction. Concurrent deploys of the same project queue on the
 * project row (FOR UPDATE), so each one sees the version the previous one made current: version
 * numbers never repeat or skip, and server values are carried from the right version.
 */
final class ProjectDeployment {

  static final int PROJECT_PARAMETER = 20;
  static final int PACKAGE_PARAMETER = 30;

  private static final String INSERT_PROJECT_IF_MISSING =
      """
      insert into project (folder_id, name, description)
      values (:folderId, :name, :description)
      on conflict (folder_id, name) do nothing
      """;

  private static final String LOCK_PROJECT =
      """
      select project_id, current_version_id
        from project
       where folder_id = :folderId
         and name = :name
         for update
      """;

  private static final String NEXT_VERSION_NUMBER =
      """
      select coalesce(max(version_number), 0) + 1
        from project_version
       where project_id = :projectId
      """;

  private static final String INSERT_VERSION =
      """
      insert into project_version
             (project_id, version_number, description, archive, archive_sha256, archive_encrypted,
              deployed_by)
      values (:projectId, :versionNumber, :description, :archive, :sha256, :encrypted, :deployedBy)
      returning version_id
      """;

  private static final String INSERT_PACKAGE =
      """
      insert into package (version_id, name, description, entry_point)
      values (:versionId, :name, :description, :entryPoint)
      """;

  private static final String INSERT_PARAMETER =
      """
      insert into parameter
             (version_id, object_type, object_name, name, data_type, required, sensitive,
              description, design_default_value, design_default_secret)
      values (:versionId, :objectType, :objectName, :name, :dataType, :required, :sensitive,
              :description, :designDefault, :designDefaultSecret)
      """;

  private static final String MAKE_CURRENT =
      """
      update project
         set current_version_id = :versionId,
             description = :description,
             last_deployed_time = now()
       where project_id = :projectId
      """;

  private final Handle h;
  private final CatalogContext context;

  ProjectDeployment(Handle h, CatalogContext context) {
    this.h = h;
    this.context = context;
  }

  DeployResult deploy(String folder, Project project, byte[] archive) {
    CatalogNames.require("project", project.name());
    long folderId = FolderLookup.requireId(h, folder);
    h.createUpdate(INSERT_PROJECT_IF_MISSING)
        .bind("folderId", folderId)
        .bind("name", project.name())
        .bind("description", project.description())
        .execute();
    LockedProject locked =
        h.createQuery(LOCK_PROJECT)
            .bind("folderId", folderId)
            .bind("name", project.name())
            .map((rs, ctx) -> new LockedProject(rs.getLong(1), (Long) rs.getObject(2)))
            .one();

    int versionNumber =
        h.createQuery(NEXT_VERSION_NUMBER)
            .bind("projectId", locked.projectId())
            .mapTo(Integer.class)
            .one();
    String sha256 = sha256(archive);
    boolean encrypted = StoredArchives.needsEncryption(project);
    long versionId =
        h.createQuery(INSERT_VERSION)
            .bind("projectId", locked.projectId())
            .bind("versionNumber", versionNumber)
            .bind("description", project.description())
            .bind(
                "archive", encrypted ? StoredArchives.encrypt(context.cipher(), archive) : archive)
            .bind("sha256", sha256)
            .bind("encrypted", encrypted)
            .bind("deployedBy", context.caller())
            .mapTo(Long.class)
            .one();

    List<PackageInfo> packages = insertPackages(versionId, project);
    int parameterCount = insertParameters(versionId, project);
    int carried =
        locked.currentVersionId() == null
            ? 0
            : ServerValues.carryOver(h, locked.currentVersionId(), versionId);
    h.createUpdate(MAKE_CURRENT)
        .bind("versionId", versionId)
        .bind("description", project.description())
        .bind("projectId", locked.projectId())
        .execute();
    List<Integer> removed = VersionRetention.apply(h, locked.projectId(), versionId);
    return new DeployResult(
        folder,
        project.name(),
        locked.projectId(),
        versionNumber,
        sha256,
        packages,
        parameterCount,
        carried,
        removed);
  }

  private record LockedProject(long projectId, Long currentVersionId) {}

  private List<PackageInfo> insertPackages(long versionId, Project project) {
    PreparedBatch batch = h.prepareBatch(INSERT_PACKAGE);
    List<PackageInfo> packages = new ArrayList<>();
    for (PackageDefinition p : project.packages()) {
      batch
          .bind("versionId", versionId)
          .bind("name", p.name())
          .bind("description", p.description())
          .bind("entryPoint", p.entryPoint())
          .add();
      packages.add(
          new PackageInfo(p.name(), p.description(), p.entryPoint(), p.parameters().size()));
    }
    batch.execute();
    return packages;
  }

  private int insertParameters(long versionId, Project project) {
    PreparedBatch batch = h.prepareBatch(INSERT_PARAMETER);
    int count = 0;
    for (ParameterDefinition p : project.parameters()) {
      addParameter(batch, versionId, PROJECT_PARAMETER, project.name(), p);
      count++;
    }
    for (PackageDefinition pkg : project.packages()) {
      for (ParameterDefinition p : pkg.parameters()) {
        addParameter(batch, versionId, PACKAGE_PARAMETER, pkg.name(), p);
        count++;
      }
    }
    if (count > 0) {
      batch.execute();
    }
    return count;
  }

  private void addParameter(
      PreparedBatch batch,
      long versionId,
      int objectType,
      String objectName,
      ParameterDefinition p) {
    boolean secret = p.sensitive() && p.defaultValue() != null;
    batch
        .bind("versionId", versionId)
        .bind("objectType", objectType)
        .bind("objectName", objectName)
        .bind("name", p.name())
        .bind("dataType", p.type().ssisName())
        .bind("required", p.required())
        .bind("sensitive", p.sensitive())
        .bind("description", p.description())
        .bind("designDefault", secret ? null : p.defaultValue())
        .bind("designDefaultSecret", secret ? context.cipher().encrypt(p.defaultValue()) : null)
        .add();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
