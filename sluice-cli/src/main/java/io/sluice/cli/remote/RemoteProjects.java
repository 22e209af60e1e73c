package io.sluice.cli.remote;

import static io.sluice.cli.remote.MasterConnection.segment;

import io.sluice.catalog.project.DeployResult;
import io.sluice.catalog.project.PackageInfo;
import io.sluice.catalog.project.ProjectInfo;
import io.sluice.catalog.project.ProjectVersion;
import io.sluice.catalog.project.Projects;
import io.sluice.catalog.project.RestoreResult;
import java.util.List;

/** {@link Projects} through a master; a deploy uploads the archive itself. */
final class RemoteProjects implements Projects {

  private final MasterConnection master;

  RemoteProjects(MasterConnection master) {
    this.master = master;
  }

  static String path(String folder, String project) {
    return RemoteFolders.path(folder) + "/projects/" + segment(project);
  }

  @Override
  public DeployResult deploy(String folder, byte[] archive) {
    return master.sendBytes(RemoteFolders.path(folder) + "/projects", archive, DeployResult.class);
  }

  @Override
  public List<ProjectInfo> list(String folderOrNull) {
    return master.getList(
        folderOrNull == null ? "/projects" : RemoteFolders.path(folderOrNull) + "/projects",
        ProjectInfo.class);
  }

  @Override
  public ProjectInfo get(String folder, String project) {
    return master.get(path(folder, project), ProjectInfo.class);
  }

  @Override
  public List<ProjectVersion> versions(String folder, String project) {
    return master.getList(path(folder, project) + "/versions", ProjectVersion.class);
  }

  @Override
  public RestoreResult restore(String folder, String project, int versionNumber) {
    return master.send(
        "POST",
        path(folder, project) + "/versions/" + versionNumber + "/restore",
        null,
        RestoreResult.class);
  }

  @Override
  public void delete(String folder, String project) {
    master.send("DELETE", path(folder, project), null, Void.class);
  }

  @Override
  public List<PackageInfo> packages(String folder, String project) {
    return master.getList(path(folder, project) + "/packages", PackageInfo.class);
  }

  @Override
  public byte[] archive(String folder, String project, Integer versionNumberOrNullForCurrent) {
    return master.getBytes(
        path(folder, project)
            + "/archive"
            + new Query().with("version", versionNumberOrNullForCurrent));
  }
}
