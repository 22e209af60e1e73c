package io.sluice.engine.dataflow.pipeline;

/** One key of a sort order: a column index of the row and its direction. */
public record SortKey(int column, boolean descending) {}
