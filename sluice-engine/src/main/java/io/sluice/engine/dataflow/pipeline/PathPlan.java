package io.sluice.engine.dataflow.pipeline;

/**
 * A checked path: from output {@code output} of node {@code from} to input {@code input} of {@code
 * to}.
 */
public record PathPlan(String name, int from, int output, int to, int input) {}
