package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ssis.report.ImportEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSIS HTTP connection manager (ServerURL, ServerUserName, Timeout, an encrypted ServerPassword)
 * converts to an http connection whose password is a sensitive project parameter, and an Http task
 * written on it (what the Web Service task's to-do asks for) logs in to a real HTTP server started
 * here with that parameter's value.
 */
class HttpConnectionImportTest {

  @TempDir Path dir;

  @Test
  void anHttpConnectionManagerConvertsAndLogsInWithItsPasswordParameter() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/rates",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body = "EUR 1.08".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
      Path dtsx = dir.resolve("Rates.dtsx");
      Files.writeString(
          dtsx,
          """
          <?xml version="1.0"?>
          <DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"
            DTS:refId="Package" DTS:CreationName="Microsoft.Package"
            DTS:ExecutableType="Microsoft.Package" DTS:ObjectName="Rates">
            <DTS:Property DTS:Name="PackageFormatVersion">8</DTS:Property>
            <DTS:ConnectionManagers>
              <DTS:ConnectionManager DTS:refId="Package.ConnectionManagers[Rates API]"
                DTS:CreationName="HTTP" DTS:DTSID="{0A1B2C3D-0000-4000-8000-0000000000B1}"
                DTS:ObjectName="Rates API">
                <DTS:ObjectData>
                  <DTS:ConnectionManager DTS:ConnectionString="SERVER_ADDRESS">
                    <DTS:HttpConnection DTS:ServerURL="SERVER_ADDRESS" DTS:ServerUserName="bob"
                      DTS:UseProxy="False" DTS:Timeout="45" DTS:ChunkSize="1">
                      <DTS:ServerPassword Sensitive="1" Encrypted="1">AQAAANCMnd8BFdERjHoAwE</DTS:ServerPassword>
                    </DTS:HttpConnection>
                  </DTS:ConnectionManager>
                </DTS:ObjectData>
              </DTS:ConnectionManager>
            </DTS:ConnectionManagers>
            <DTS:Variables>
              <DTS:Variable DTS:Namespace="User" DTS:ObjectName="Rates">
                <DTS:VariableValue DTS:DataType="8"></DTS:VariableValue>
              </DTS:Variable>
            </DTS:Variables>
            <DTS:Executables />
          </DTS:Executable>
          """
              .replace("SERVER_ADDRESS", url));

      ImportResult imported = SsisImporter.importPackage(dtsx);
      assertThat(imported.report().entries())
          .filteredOn(e -> e.path().equals("\\Package.ConnectionManagers[Rates API]"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED);
                assertThat(e.note()).contains("sensitive project parameter Rates_API_Password");
              });
      Map<String, byte[]> files = new TreeMap<>(ProjectWriter.write(imported.project()).all());
      String yaml = new String(files.get("packages/Rates.yaml"), StandardCharsets.UTF_8);
      assertThat(yaml)
          .contains("type: http")
          .contains("serverUrl: " + url)
          .contains("authentication: basic")
          .contains("user: bob")
          .contains("timeout: 45")
          .contains("password: \"@[$Project::Rates_API_Password]\"");
      // the Http task a user writes in place of the Web Service task
      yaml =
          yaml
              + "\ntasks:\n"
              + "  - name: Fetch rates\n"
              + "    type: Http\n"
              + "    httpConnection: Rates API\n"
              + "    path: rates\n"
              + "    output: User::Rates\n";
      files.put("packages/Rates.yaml", yaml.getBytes(StandardCharsets.UTF_8));
      ProjectFiles project = ProjectFiles.of(files);
      List<EngineEvent> events = new CopyOnWriteArrayList<>();
      EventSink sink = events::add;
      RunResult result =
          new PackageRunner(ProjectParser.parse(project), project)
              .run(
                  "Rates",
                  new ParameterValues(Map.of("Rates_API_Password", "s3cret"), Map.of()),
                  RunOptions.defaults(),
                  sink);

      assertThat(result.status()).as(events.toString()).isEqualTo(RunResult.Status.SUCCESS);
      assertThat(authorizations)
          .containsExactly(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString("bob:s3cret".getBytes(StandardCharsets.UTF_8)));
    } finally {
      server.stop(0);
    }
  }
}
