package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Wires checked components into a fresh {@link Pipeline}: new queues and pipes for every run, so a
 * plan can run many times (a Data Flow inside a loop).
 */
public final class PipelineFactory {

  private PipelineFactory() {}

  public static Pipeline wire(
      List<NodePlan> nodes,
      List<PathPlan> paths,
      DataFlowEnvironment environment,
      EventReporter events,
      int bufferRows,
      int buffersPerPath,
      String failurePrefix) {
    List<List<BlockingQueue<Delivery>>> queues = new ArrayList<>();
    for (NodePlan node : nodes) {
      List<BlockingQueue<Delivery>> inputs = new ArrayList<>();
      if (node.planned().unorderedInputs()) {
        // One queue for all inputs, with each input's share of room.
        inputs.add(new ArrayBlockingQueue<>(Math.max(1, node.inputCount()) * buffersPerPath));
      } else {
        for (int i = 0; i < node.inputCount(); i++) {
          inputs.add(new ArrayBlockingQueue<>(buffersPerPath));
        }
      }
      queues.add(inputs);
    }
    List<Pipe[]> outputs = new ArrayList<>();
    for (NodePlan node : nodes) {
      outputs.add(new Pipe[node.planned().outputs().size()]);
    }
    List<Pipe> pipes = new ArrayList<>();
    for (PathPlan path : paths) {
      NodePlan to = nodes.get(path.to());
      BlockingQueue<Delivery> queue =
          to.planned().unorderedInputs()
              ? queues.get(path.to()).get(0)
              : queues.get(path.to()).get(path.input());
      Pipe pipe =
          new Pipe(path.name(), nodes.get(path.from()).name(), to.name(), queue, path.input());
      outputs.get(path.from())[path.output()] = pipe;
      pipes.add(pipe);
    }
    List<RuntimeNode> runtimeNodes = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      NodePlan node = nodes.get(i);
      runtimeNodes.add(
          new RuntimeNode(
              node.name(),
              node.type(),
              node.planned().runtime(),
              node.inputCount(),
              queues.get(i),
              node.planned().unorderedInputs(),
              Arrays.asList(outputs.get(i))));
    }
    return new Pipeline(runtimeNodes, pipes, environment, events, bufferRows, failurePrefix);
  }
}
