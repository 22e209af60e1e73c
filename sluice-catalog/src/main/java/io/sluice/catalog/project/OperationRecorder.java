package io.sluice.catalog.project;

/**
 * Seam to the operation log: deploys (SSIS operation type 101) and restores (106) are reported here
 * once they finished, succeeded or not. The operations table is built separately; until it is wired
 * in {@code LocalCatalog}, {@link #NONE} records nothing.
 */
@FunctionalInterface
public interface OperationRecorder {

  OperationRecorder NONE = operation -> {};

  void record(ProjectOperation operation);
}
