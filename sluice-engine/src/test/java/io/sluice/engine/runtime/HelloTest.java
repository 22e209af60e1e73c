package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HelloTest {

  @Test
  void runsTheHelloExample() {
    Path dir = Path.of("../examples/hello");
    RecordingSink sink = new RecordingSink();
    RunResult result =
        new PackageRunner(ProjectArchive.load(dir), ProjectFiles.fromDirectory(dir))
            .run("hello", ParameterValues.none(), RunOptions.defaults(), sink);
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains("User::Greeting = Hello from Sluice");
  }
}
