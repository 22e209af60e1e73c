package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlatFileDestinationTest {

  @TempDir Path temp;

  private static final String COPY =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: input}
        - {name: Write, type: FlatFileDestination, input: Read, connection: output, overwrite: %s}
      """;

  @Test
  void writesAHeaderAndQualifiesOnlyValuesThatNeedIt() throws Exception {
    Path in = Flows.file(temp, "in.txt", "1|a,b\n2|say \"hi\"\n3|\n", StandardCharsets.UTF_8);
    Path out = temp.resolve("out.csv");
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                in,
                Flows.settings(
                    "{delimiter: '|', retainNulls: true, columns: [{name: N, type: DT_I4}, {name: S, type: 'DT_WSTR,20'}]}"))
            .flatFile("output", out, Flows.settings("{headerRow: true, codePage: 1252}"))
            .build();

    Flows.runOk(COPY.formatted("true"), env);
    Flows.runOk(COPY.formatted("true"), env);

    assertThat(Files.readString(out, Charset.forName("windows-1252")))
        .as("overwritten, not appended")
        .isEqualTo("N,S\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\r\n");
  }

  @Test
  void writesFixedWidthAndAppends() throws Exception {
    Path in = Flows.file(temp, "in.txt", "7,abcdefgh\n", StandardCharsets.UTF_8);
    Path out = temp.resolve("out.txt");
    var env =
        Flows.environment(temp)
            .flatFile("input", in, Flows.settings("columns: [{name: N, type: DT_I4}, {name: S}]"))
            .flatFile(
                "output",
                out,
                Flows.settings(
                    "{format: fixedWidth, columns: [{name: S, width: 4}, {name: N, width: 3}]}"))
            .build();

    Flows.runOk(COPY.formatted("false"), env);
    Flows.runOk(COPY.formatted("false"), env);

    assertThat(Files.readString(out)).isEqualTo("abcd7  \r\nabcd7  \r\n");
  }
}
