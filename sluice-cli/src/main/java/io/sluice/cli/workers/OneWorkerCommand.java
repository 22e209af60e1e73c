package io.sluice.cli.workers;

import picocli.CommandLine.Parameters;

/** A command on one worker, named by id or display name. */
abstract class OneWorkerCommand extends WorkerCommandBase {

  @Parameters(index = "0", paramLabel = "WORKER", description = "Worker id or display name.")
  String worker;
}
