package io.sluice.catalog.project;

import io.sluice.engine.project.DeployNotes;
import java.time.Instant;
import java.util.List;

/**
 * A finished deploy or restore, as {@link OperationRecorder} receives it.
 *
 * @param operationType SSIS operation type: {@link #DEPLOY_PROJECT} or {@link #RESTORE_PROJECT}
 * @param project the project name, or null when the archive could not be read
 * @param projectId null when nothing was stored
 * @param versionNumber the version deployed or restored, null on failure
 * @param message null on success; the reason on failure
 * @param notes the archive's {@link DeployNotes} (an on-the-fly SSIS import's findings), recorded
 *     as messages of the operation; empty for restores
 */
public record ProjectOperation(
    int operationType,
    String folder,
    String project,
    Long projectId,
    Integer versionNumber,
    String caller,
    Instant startTime,
    Instant endTime,
    boolean succeeded,
    String message,
    List<DeployNotes.Note> notes) {

  public ProjectOperation {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static final int DEPLOY_PROJECT = 101;
  public static final int RESTORE_PROJECT = 106;
}
