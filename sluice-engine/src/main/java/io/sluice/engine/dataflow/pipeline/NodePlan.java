package io.sluice.engine.dataflow.pipeline;

/** A checked component in the run order, with its number of inputs. */
public record NodePlan(String name, String type, PlannedComponent planned, int inputCount) {}
