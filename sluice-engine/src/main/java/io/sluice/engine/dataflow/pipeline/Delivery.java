package io.sluice.engine.dataflow.pipeline;

/** What travels on a path's queue: a buffer for an input, or null as that input's end. */
record Delivery(int input, Buffer buffer) {}
