package io.sluice.catalog.operation;

import io.sluice.catalog.project.OperationRecorder;
import io.sluice.catalog.project.ProjectOperation;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.DeployNotes;
import org.jdbi.v3.core.Jdbi;

/**
 * Records the deploys (101) and restores (106) the projects area reports as operations with a
 * message each, followed by the notes the deployed archive carries ({@link DeployNotes}). In a
 * transaction of its own: a failed deploy's own transaction is rolled back, and its failure must
 * still be on record.
 */
public final class ProjectOperationLog implements OperationRecorder {

  private final Jdbi jdbi;

  public ProjectOperationLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void record(ProjectOperation operation) {
    jdbi.useTransaction(
        handle -> {
          long id =
              OperationLog.begin(
                  handle,
                  OperationType.of(operation.operationType()),
                  OperationTarget.project(operation.projectId(), operation.project()),
                  operation.caller());
          if (operation.startTime() != null) {
            handle
                .createUpdate(
                    """
                    update operation set created_time = :start, start_time = :start
                    where operation_id = :id and :start <= created_time
                    """)
                .bind("start", operation.startTime())
                .bind("id", id)
                .execute();
          }
          OperationLog.message(
              handle,
              id,
              operation.succeeded() ? MessageType.INFORMATION : MessageType.ERROR,
              describe(operation));
          for (DeployNotes.Note note : operation.notes()) {
            OperationLog.message(
                handle,
                id,
                note.warning() ? MessageType.WARNING : MessageType.INFORMATION,
                note.text());
          }
          OperationLog.finish(
              handle,
              id,
              operation.succeeded() ? OperationStatus.SUCCEEDED : OperationStatus.FAILED);
        });
  }

  private static String describe(ProjectOperation operation) {
    String verb =
        operation.operationType() == ProjectOperation.RESTORE_PROJECT ? "restore" : "deploy";
    String project =
        operation.folder() + "/" + (operation.project() == null ? "?" : operation.project());
    if (!operation.succeeded()) {
      return verb + " of " + project + " failed: " + operation.message();
    }
    return (verb.equals("restore") ? "restored" : "deployed")
        + " version "
        + operation.versionNumber()
        + " of "
        + project;
  }
}
