package io.sluice.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.protocol.worker.WorkerApi;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poll whose worker has gone (killed, connection closed) must not be handed a task: the task
 * would sit assigned to nobody until its lease ran out. Real master, real mutual-TLS connections.
 */
class AbandonedPollTest {

  @TempDir Path tmp;
  private ScaleOutCluster cluster;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(tmp);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** Sends a long poll on a raw TLS connection, as {@code worker}, and leaves it waiting. */
  private SSLSocket pollAndLeaveWaiting(TestWorker worker, String name) throws Exception {
    SSLSocket socket =
        (SSLSocket)
            TlsContexts.sslContext(
                    TlsContexts.keyStore(tmp.resolve(name + ".crt"), tmp.resolve(name + ".key")),
                    TlsContexts.trustStore(tmp.resolve("ca.crt")))
                .getSocketFactory()
                .createSocket("localhost", cluster.master.workerPort());
    socket.startHandshake();
    byte[] body = "{\"freeSlots\":1,\"waitMillis\":25000}".getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST "
                + WorkerApi.POLL
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return socket;
  }

  @Test
  void aTaskGoesToALivePollNotToOneWhoseConnectionClosed() throws Exception {
    TestWorker gone = cluster.enabledWorker("gone");
    TestWorker alive = cluster.enabledWorker("alive");
    SSLSocket socket = pollAndLeaveWaiting(gone, "gone");
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.master.waitingPolls() == 1);
    socket.close(); // the worker is killed: the connection of its waiting poll closes

    // Only the abandoned poll waits when the task is queued: it must not take it.
    long execution = cluster.startExecution(0);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> cluster.master.waitingPolls() == 0); // dropped, not handed the task
    assertThat(cluster.taskStatus(execution)).isEqualTo("QUEUED");

    PollReply reply = alive.poll(1, 5_000);
    assertThat(reply.tasks())
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.executionId()).isEqualTo(execution);
              assertThat(task.attempt()).as("never handed to the gone poll").isEqualTo(1);
            });
    assertThat(cluster.taskStatus(execution)).isEqualTo("RUNNING");
  }

  private TaskAssigner.Assigned handOutWithoutDelivering(TestWorker worker) {
    List<TaskAssigner.Assigned> claimed =
        new TaskAssigner(cluster.jdbi(), Duration.ofSeconds(10)).assign(worker.id, 1);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  @Test
  void anUndeliveredTaskIsGivenBackAtOnceWithoutUsingARetry() {
    TestWorker gone = cluster.enabledWorker("gone");
    TestWorker alive = cluster.enabledWorker("alive");
    long execution = cluster.startExecution(0);
    TaskAssigner.Assigned lost = handOutWithoutDelivering(gone);

    UndeliveredTasks undelivered = new UndeliveredTasks(cluster.jdbi(), Duration.ofSeconds(10));
    assertThat(undelivered.giveBack(gone.id, lost.taskId(), lost.attempt())).isTrue();
    assertThat(undelivered.giveBack(gone.id, lost.taskId(), lost.attempt()))
        .as("only once")
        .isFalse();
    assertThat(cluster.taskStatus(execution)).isEqualTo("QUEUED");
    assertThat(cluster.executionStatus(execution)).isEqualTo(5);

    // Retry count 0, yet the next worker runs it: the undelivered attempt used up nothing; it
    // gets a new attempt number, so a report about the old one is still refused.
    TaskAssignment task = alive.poll(1, 5_000).tasks().get(0);
    assertThat(task.attempt()).isEqualTo(lost.attempt() + 1);
    assertThat(gone.taskHeartbeat(lost.taskId(), lost.attempt()).verdict())
        .isEqualTo(Verdict.ABORT);
    assertThat(
            cluster.catalog().messages().ofExecution(execution, MessageQuery.all()).stream()
                .map(EventMessage::message))
        .anyMatch(m -> m.contains("could not be sent to worker " + gone.id));
    alive.result(
        task.taskId(),
        new TaskResult(task.attempt(), TaskResult.Outcome.SUCCEEDED, 0, 0, null, null));
    assertThat(cluster.executionStatus(execution)).isEqualTo(7);
  }

  @Test
  void aTaskIsNotGivenBackOnceItsWorkerReportedOnIt() {
    TestWorker worker = cluster.enabledWorker("w");
    long execution = cluster.startExecution(0);
    TaskAssigner.Assigned handed = handOutWithoutDelivering(worker);
    // The worker did get it after all: its heartbeat renewed the lease.
    assertThat(worker.taskHeartbeat(handed.taskId(), handed.attempt()).verdict())
        .isEqualTo(Verdict.ACCEPTED);

    assertThat(
            new UndeliveredTasks(cluster.jdbi(), Duration.ofSeconds(10))
                .giveBack(worker.id, handed.taskId(), handed.attempt()))
        .isFalse();
    assertThat(cluster.taskStatus(execution)).isEqualTo("RUNNING");
    assertThat(cluster.executionStatus(execution)).isEqualTo(2);
  }
}
