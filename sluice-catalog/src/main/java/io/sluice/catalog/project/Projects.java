package io.sluice.catalog.project;

import java.util.List;

/** Deployed projects and their versions (SSIS catalog projects). */
public interface Projects {

  /**
   * Deploys a project archive into {@code folder} as the project's next version, which becomes
   * current. Server values of parameters that still exist with the same data type are carried over
   * from the previously current version; then version cleanup keeps the newest MAX_PROJECT_VERSIONS
   * versions when VERSION_CLEANUP_ENABLED. All or nothing.
   *
   * @throws io.sluice.engine.project.ProjectFormatException if the archive is malformed (nothing is
   *     stored)
   */
  DeployResult deploy(String folder, byte[] archive);

  /** Projects of {@code folder}, or of every folder when null; by folder and name. */
  List<ProjectInfo> list(String folderOrNull);

  ProjectInfo get(String folder, String project);

  /** Every version still kept, newest first. */
  List<ProjectVersion> versions(String folder, String project);

  /**
   * Makes an older version current again. As in SSIS, every parameter of the restored version is
   * reset to its design default (its server values are cleared); environment references, which
   * belong to the project and not to a version, stay as they are.
   */
  RestoreResult restore(String folder, String project, int versionNumber);

  /** Deletes the project with all its versions, parameters and environment references. */
  void delete(String folder, String project);

  /** Packages of the current version. */
  List<PackageInfo> packages(String folder, String project);

  /** The archive of a version (decrypted if stored encrypted); null means the current version. */
  byte[] archive(String folder, String project, Integer versionNumberOrNullForCurrent);
}
