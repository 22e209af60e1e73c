package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.type.DataType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline itself: back-pressure, failure, cancellation, statistics, planning errors. */
class PipelineTest {

  @TempDir Path temp;

  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong maxAhead = new AtomicLong();

  /** A source of {@code buffers} buffers of 100 numbers, counting what it has sent. */
  private final class Numbers extends SimpleComponentType {
    Numbers() {
      super("Numbers", 0);
    }

    @Override
    public SettingKeys settingKeys() {
      return SettingKeys.of("buffers");
    }

    @Override
    public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
      long buffers = spec.settings().number("buffers", 10);
      return PlannedComponent.of(
          List.of(new OutputPlan("Output", RowSchema.of(List.of(new Column("N", DataType.I8))))),
          io -> {
            for (long b = 0; b < buffers; b++) {
              BufferBuilder out = new BufferBuilder(1, 100);
              for (int i = 0; i < 100; i++) {
                out.add(new Object[] {b * 100 + i});
              }
              io.send(0, out.take());
              produced.incrementAndGet();
            }
          });
    }
  }

  /** A destination that takes its time over every buffer, or fails at a given buffer. */
  private final class Slow extends SimpleComponentType {
    Slow() {
      super("Slow", 1);
    }

    @Override
    public SettingKeys settingKeys() {
      return SettingKeys.of("millis", "failAt");
    }

    @Override
    public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
      long millis = spec.settings().number("millis", 5);
      long failAt = spec.settings().number("failAt", -1);
      return PlannedComponent.of(
          List.of(),
          io -> {
            Buffer buffer;
            while ((buffer = io.take(0)) != null) {
              long seen = consumed.incrementAndGet();
              maxAhead.accumulateAndGet(produced.get() - seen, Math::max);
              if (seen == failAt) {
                throw new IllegalStateException("disk full");
              }
              Thread.sleep(millis);
            }
          });
    }
  }

  private ComponentRegistry registry() {
    return ComponentRegistry.standard().with(new Numbers()).with(new Slow());
  }

  private DataFlowPlan plan(String yaml, SimpleDataFlowEnvironment env) {
    return DataFlowPlanner.plan(Flows.task(yaml), env, registry());
  }

  @Test
  void aSlowDestinationHoldsBackTheSourceWithinThePathCapacity() {
    var env = Flows.environment(temp).build();
    DataFlowResult result =
        plan(
                """
                buffersPerPath: 2
                components:
                  - {name: Gen, type: Numbers, buffers: 60}
                  - {name: Double, type: DerivedColumn, input: Gen, columns: [{name: M, expression: 'N * 2'}]}
                  - {name: Sink, type: Slow, input: Double, millis: 5}
                """,
                env)
            .run();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.rows("Gen.Output -> Double")).isEqualTo(6000);
    assertThat(result.paths())
        .allSatisfy(p -> assertThat(p.maxQueuedBuffers()).isLessThanOrEqualTo(2));
    // In flight at most: 2 queued on each of the two paths, one in Double's hands, one being taken.
    assertThat(maxAhead.get()).isLessThanOrEqualTo(6);
  }

  @Test
  void aFailingComponentStopsEveryThreadPromptlyAndReportsItsCause() {
    var events = new Flows.Events();
    var env = Flows.environment(temp).events(events).build();
    long start = System.nanoTime();
    DataFlowResult result =
        plan(
                """
                components:
                  - {name: Gen, type: Numbers, buffers: 1000000}
                  - {name: Sink, type: Slow, input: Gen, millis: 0, failAt: 5}
                """,
                env)
            .run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(result.outcome()).isEqualTo(DataFlowResult.Outcome.FAILED);
    assertThat(result.failure())
        .isEqualTo(
            "package 'Daily', task 'Load' (packages/Load.yaml:12:5), component 'Sink' failed: disk full");
    assertThat(produced.get()).isLessThan(1000);
    assertThat(events.events)
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo(MessageType.ERROR);
              assertThat(e.subcomponent()).isEqualTo("Sink");
            });
  }

  @Test
  void cancellationStopsTheRunBetweenBuffers() {
    AtomicBoolean cancel = new AtomicBoolean();
    var env = Flows.environment(temp).build();
    DataFlowPlan plan =
        plan(
            """
            components:
              - {name: Gen, type: Numbers, buffers: 1000000}
              - {name: Sink, type: Slow, input: Gen, millis: 1}
            """,
            env);
    new Thread(
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException ignored) {
                // cancel anyway
              }
              cancel.set(true);
            })
        .start();

    DataFlowResult result = plan.run(cancel::get);

    assertThat(result.outcome()).isEqualTo(DataFlowResult.Outcome.CANCELLED);
    assertThat(produced.get()).isLessThan(1000);
  }

  @Test
  void reportsRowsPerPathAndActiveTimePerComponent() {
    var events = new Flows.Events();
    var statistics = new java.util.ArrayList<io.sluice.engine.event.DataFlowStatistic>();
    var env =
        Flows.environment(temp)
            .events(
                new io.sluice.engine.event.EventSink() {
                  @Override
                  public void event(io.sluice.engine.event.EngineEvent event) {
                    events.event(event);
                  }

                  @Override
                  public synchronized void dataFlowStatistic(
                      io.sluice.engine.event.DataFlowStatistic s) {
                    statistics.add(s);
                  }
                })
            .build();

    DataFlowResult result =
        plan(
                """
                components:
                  - {name: Gen, type: Numbers, buffers: 3}
                  - {name: Sink, type: Slow, input: Gen, millis: 20}
                """,
                env)
            .run();

    assertThat(statistics)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.pathName()).isEqualTo("Gen.Output -> Sink");
              assertThat(s.rowsSent()).isEqualTo(300);
              assertThat(s.packageName()).isEqualTo("Daily");
              assertThat(s.taskName()).isEqualTo("Load");
            });
    assertThat(result.components()).extracting(c -> c.name()).containsExactly("Gen", "Sink");
    assertThat(result.components().get(1).active()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    // Sleeping is active time (the component held its thread) but not CPU time.
    assertThat(result.components().get(1).cpu()).isLessThan(Duration.ofMillis(40));
    assertThat(result.components().get(0).cpu()).isPositive();
    assertThat(events.messages())
        .contains("Execute phase is beginning.", "Validation phase is complete.");
  }

  @Test
  void planningNamesThePackageTaskComponentAndCause() {
    var env = Flows.environment(temp).build();
    assertThatThrownBy(() -> plan("components: [{name: X, type: Teleport}]", env))
        .isInstanceOf(DataFlowException.class)
        .hasMessageStartingWith(
            "package 'Daily', task 'Load' (packages/Load.yaml:12:5), component 'X' (Teleport): unknown component type 'Teleport'; known types: FlatFileSource");
    assertThatThrownBy(
            () -> plan("components: [{name: R, type: FlatFileSource, connection: nowhere}]", env))
        .hasMessageContaining("connection 'nowhere' is not a flat file connection");
    assertThatThrownBy(
            () ->
                plan(
                    """
                    components:
                      - {name: A, type: DerivedColumn, input: B, columns: [{name: x, expression: '1'}]}
                      - {name: B, type: DerivedColumn, input: A, columns: [{name: y, expression: '1'}]}
                    """,
                    env))
        .hasMessageContaining("its inputs form a cycle");
    assertThatThrownBy(
            () ->
                plan(
                    """
                    components:
                      - {name: Gen, type: Numbers}
                      - {name: A, type: Slow, input: Gen}
                      - {name: B, type: Slow, input: Gen}
                    """,
                    env))
        .hasMessageContaining(
            "output 'Output' of 'Gen' already goes to 'A'; an output feeds one path, use a Multicast");
    assertThatThrownBy(() -> plan("components: [{name: A, type: Slow, input: Nobody}]", env))
        .hasMessageContaining("its input comes from 'Nobody', which is not a component");
    assertThatThrownBy(
            () ->
                plan(
                    "components: [{name: Gen, type: Numbers}, {name: A, type: Slow, input: {from: Gen, output: Side}}]",
                    env))
        .hasMessageContaining("'Gen' has no output 'Side'; its outputs are [Output]");
  }
}
