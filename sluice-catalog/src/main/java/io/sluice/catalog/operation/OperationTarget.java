package io.sluice.catalog.operation;

/**
 * What an operation acted on, with SSIS's object types. The name is copied into the operation so
 * its history survives deleting the object.
 *
 * @param objectId the object's id, or null when it has none (yet)
 */
public record OperationTarget(Integer objectType, Long objectId, String objectName) {

  public static final int FOLDER = 10;
  public static final int PROJECT = 20;
  public static final int PACKAGE = 30;
  public static final int ENVIRONMENT = 40;
  public static final int EXECUTION = 50;

  public static OperationTarget folder(Long folderId, String name) {
    return new OperationTarget(FOLDER, folderId, name);
  }

  public static OperationTarget project(Long projectId, String name) {
    return new OperationTarget(PROJECT, projectId, name);
  }

  public static OperationTarget execution(long executionId, String packageName) {
    return new OperationTarget(EXECUTION, executionId, packageName);
  }

  /** The whole catalog (e.g. retention cleanup). */
  public static OperationTarget catalog() {
    return new OperationTarget(null, null, null);
  }
}
