package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import org.junit.jupiter.api.Test;

/** The placeholder the SSIS importer writes for a task Sluice cannot run. */
class UnsupportedTaskTest {

  private static final String PACKAGE =
      """
      maximumErrorCount: 2
      variables:
        - {name: Done, type: Boolean, value: false}
      tasks:
        - name: Send report
          type: Unsupported
          ssisType: Microsoft.SendMailTask
          message: Send Mail has no Sluice counterpart yet; send the mail from a script
          disabled: DISABLED
        - name: After
          type: Expression
          after: {task: Send report, on: completion}
          expression: '@[User::Done] = true'
      """;

  @Test
  void reachedItFailsWithItsMessageAndTheTasksAfterItStillRun() {
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.withPackage("p", PACKAGE.replace("DISABLED", "false")).run("p", sink);

    assertThat(result.errorCount()).isEqualTo(1);
    assertThat(sink.results("\\p\\Send report")).containsExactly(1);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("task 'Send report' stands for an SSIS Microsoft.SendMailTask")
                    .contains(
                        "Send Mail has no Sluice counterpart yet; send the mail from a script"));
    assertThat(sink.results("\\p\\After")).containsExactly(0);
  }

  @Test
  void disabledItIsSkippedAndThePackageSucceeds() {
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.withPackage("p", PACKAGE.replace("DISABLED", "true")).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(sink.messages(MessageType.ERROR)).isEmpty();
  }
}
