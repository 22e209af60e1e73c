package io.sluice.engine.dataflow.pipeline;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A component wired for a run: its input queues (one per input, or one shared queue when it reads
 * in any order) and its output pipes (null for an output nobody reads).
 */
record RuntimeNode(
    String name,
    String type,
    ComponentRuntime runtime,
    int inputCount,
    List<BlockingQueue<Delivery>> inputQueues,
    boolean sharedInbox,
    List<Pipe> outputs) {}
