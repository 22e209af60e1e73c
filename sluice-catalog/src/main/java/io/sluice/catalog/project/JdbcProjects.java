package io.sluice.catalog.project;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.folder.FolderLookup;
import io.sluice.catalog.project.ProjectLookup.ProjectRow;
import io.sluice.engine.project.DeployNotes;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Projects} on the catalog database. */
public final class JdbcProjects implements Projects {

  private static final String SELECT_PROJECTS =
      """
      select p.project_id, f.name as folder, p.name, p.description,
             v.version_number as current_version,
             (select count(*) from project_version pv where pv.project_id = p.project_id)
               as version_count,
             p.created_time, p.last_deployed_time
        from project p
        join folder f on f.folder_id = p.folder_id
        join project_version v on v.version_id = p.current_version_id
      """;

  private static final String SELECT_VERSIONS =
      """
      select v.version_id, v.version_number, v.version_id = p.current_version_id as current,
             v.archive_sha256, length(v.archive) as archive_bytes, v.deployed_by, v.deployed_time
        from project_version v
        join project p on p.project_id = v.project_id
       where v.project_id = :projectId
       order by v.version_number desc
      """;

  private static final String SELECT_VERSION_NUMBER =
      "select version_number from project_version where version_id = :versionId";

  private static final String MAKE_CURRENT =
      "update project set current_version_id = :versionId where project_id = :projectId";

  private static final String DELETE_PROJECT = "delete from project where project_id = :projectId";

  private static final String SELECT_PACKAGES =
      """
      select k.name, k.description, k.entry_point,
             (select count(*)
                from parameter a
               where a.version_id = k.version_id
                 and a.object_type = 30
                 and a.object_name = k.name) as parameter_count
        from package k
       where k.version_id = :versionId
       order by k.name
      """;

  private static final String SELECT_ARCHIVE =
      "select archive, archive_encrypted from project_version where version_id = :versionId";

  private final CatalogContext context;
  private final OperationRecorder recorder;

  public JdbcProjects(CatalogContext context) {
    this(context, OperationRecorder.NONE);
  }

  public JdbcProjects(CatalogContext context, OperationRecorder recorder) {
    this.context = context;
    this.recorder = recorder;
  }

  @Override
  public DeployResult deploy(String folder, byte[] archive) {
    Instant start = Instant.now();
    String projectName = null;
    List<DeployNotes.Note> notes = List.of();
    DeployResult result;
    try {
      ProjectFiles files = ProjectFiles.fromArchive(archive);
      Project project = ProjectParser.parse(files);
      projectName = project.name();
      notes = DeployNotes.read(files);
      result =
          context
              .database()
              .jdbi()
              .inTransaction(
                  h -> new ProjectDeployment(h, context).deploy(folder, project, archive));
    } catch (RuntimeException e) {
      recordFailure(ProjectOperation.DEPLOY_PROJECT, folder, projectName, start, e, notes);
      throw e;
    }
    recordSuccess(
        ProjectOperation.DEPLOY_PROJECT,
        folder,
        result.project(),
        result.projectId(),
        result.versionNumber(),
        start,
        notes);
    return result;
  }

  @Override
  public List<ProjectInfo> list(String folderOrNull) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h -> {
              if (folderOrNull == null) {
                return h.createQuery(SELECT_PROJECTS + " order by f.name, p.name")
                    .map(ConstructorMapper.of(ProjectInfo.class))
                    .list();
              }
              FolderLookup.requireId(h, folderOrNull);
              return h.createQuery(SELECT_PROJECTS + " where f.name = :folder order by p.name")
                  .bind("folder", folderOrNull)
                  .map(ConstructorMapper.of(ProjectInfo.class))
                  .list();
            });
  }

  @Override
  public ProjectInfo get(String folder, String project) {
    return context
        .database()
        .jdbi()
        .withHandle(h -> info(h, ProjectLookup.require(h, folder, project)));
  }

  @Override
  public List<ProjectVersion> versions(String folder, String project) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(SELECT_VERSIONS)
                    .bind("projectId", ProjectLookup.require(h, folder, project).projectId())
                    .map(ConstructorMapper.of(ProjectVersion.class))
                    .list());
  }

  @Override
  public RestoreResult restore(String folder, String project, int versionNumber) {
    Instant start = Instant.now();
    RestoreResult result;
    try {
      result =
          context.database().jdbi().inTransaction(h -> restore(h, folder, project, versionNumber));
    } catch (RuntimeException e) {
      recordFailure(ProjectOperation.RESTORE_PROJECT, folder, project, start, e, List.of());
      throw e;
    }
    recordSuccess(
        ProjectOperation.RESTORE_PROJECT,
        folder,
        project,
        result.projectId(),
        result.versionNumber(),
        start,
        List.of());
    return result;
  }

  private RestoreResult restore(Handle h, String folder, String project, int versionNumber) {
    ProjectRow row = ProjectLookup.requireForUpdate(h, folder, project);
    int previous = versionNumber(h, row.currentVersionId());
    long versionId = ProjectLookup.versionId(h, row, versionNumber);
    if (versionId == row.currentVersionId()) {
      throw CatalogException.conflict(
          "version " + versionNumber + " of project '" + project + "' is already current",
          "pick another version from: sluice catalog projects versions --folder "
              + folder
              + " --project "
              + project);
    }
    int cleared = ServerValues.clear(h, versionId);
    h.createUpdate(MAKE_CURRENT)
        .bind("versionId", versionId)
        .bind("projectId", row.projectId())
        .execute();
    return new RestoreResult(row.projectId(), folder, project, versionNumber, previous, cleared);
  }

  @Override
  public void delete(String folder, String project) {
    context
        .database()
        .jdbi()
        .useTransaction(
            h -> {
              ProjectRow row = ProjectLookup.requireForUpdate(h, folder, project);
              h.createUpdate(DELETE_PROJECT).bind("projectId", row.projectId()).execute();
            });
  }

  @Override
  public List<PackageInfo> packages(String folder, String project) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(SELECT_PACKAGES)
                    .bind("versionId", ProjectLookup.require(h, folder, project).currentVersionId())
                    .map(ConstructorMapper.of(PackageInfo.class))
                    .list());
  }

  @Override
  public byte[] archive(String folder, String project, Integer versionNumberOrNullForCurrent) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h -> {
              ProjectRow row = ProjectLookup.require(h, folder, project);
              long versionId =
                  versionNumberOrNullForCurrent == null
                      ? row.currentVersionId()
                      : ProjectLookup.versionId(h, row, versionNumberOrNullForCurrent);
              return h.createQuery(SELECT_ARCHIVE)
                  .bind("versionId", versionId)
                  .map(StoredArchives.mapper(context.cipher()))
                  .one();
            });
  }

  private static ProjectInfo info(Handle h, ProjectRow row) {
    return h.createQuery(SELECT_PROJECTS + " where p.project_id = :projectId")
        .bind("projectId", row.projectId())
        .map(ConstructorMapper.of(ProjectInfo.class))
        .one();
  }

  private static int versionNumber(Handle h, long versionId) {
    return h.createQuery(SELECT_VERSION_NUMBER)
        .bind("versionId", versionId)
        .mapTo(Integer.class)
        .one();
  }

  private void recordSuccess(
      int type,
      String folder,
      String project,
      long projectId,
      int version,
      Instant start,
      List<DeployNotes.Note> notes) {
    recorder.record(
        new ProjectOperation(
            type,
            folder,
            project,
            projectId,
            version,
            context.caller(),
            start,
            Instant.now(),
            true,
            null,
            notes));
  }

  private void recordFailure(
      int type,
      String folder,
      String project,
      Instant start,
      RuntimeException e,
      List<DeployNotes.Note> notes) {
    recorder.record(
        new ProjectOperation(
            type,
            folder,
            project,
            null,
            null,
            context.caller(),
            start,
            Instant.now(),
            false,
            e.getMessage(),
            notes));
  }
}
