package io.sluice.engine.dataflow.pipeline;

/** One output of a planned component: its name and its rows' schema. */
public record OutputPlan(String name, RowSchema schema) {}
