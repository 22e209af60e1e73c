package io.sluice.engine.runtime.controlflow;

/**
 * The Execute Package task a child package runs under: in SSIS the child is a container below that
 * task, so the child's events bubble from its executables to the task and on up the parent's
 * containers, and the child's executables have paths below the task's.
 *
 * @param events the parent run's events, whose handlers the child's events reach
 * @param task the run of the Execute Package task in the parent
 */
record CallingTask(EventRouter events, RunningExecutable task) {}
