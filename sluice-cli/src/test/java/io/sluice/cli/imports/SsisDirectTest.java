package io.sluice.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationMessage;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.cli.remote.TestCertificates;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.protocol.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSIS files where Sluice expects a project: {@code sluice run Load.dtsx}, {@code sluice run
 * Project.ispac --package NAME}, an SSIS project folder, and {@code sluice catalog deploy
 * Project.ispac} through a real master, whose deploy operation keeps the import's findings.
 */
class SsisDirectTest {

  /** Written for these tests: Parent runs Child by a file reference; nothing needs a database. */
  static final Path COUNTING = Path.of("src", "test", "resources", "ssis", "Counting");

  static final Path CRIMESTAT =
      Path.of("..", "datasets", "ssis-packages", "AndreyQC__CrimeStat.SSIS");

  @TempDir Path dir;

  @Test
  void aDtsxRunsDirectly() {
    Result run =
        CliRun.run("run", COUNTING.resolve("Child.dtsx").toString(), "--logging-level", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .startsWith(
            "imported "
                + COUNTING.resolve("Child.dtsx")
                + " in memory: 4 of 4 elements converted, 0 placeholder tasks, 0 left out");
    assertThat(run.out()).contains("Note: User::Total = 3").contains("Package Child: SUCCESS");
  }

  @Test
  void anIspacRunsTheNamedPackageAndTheChildItRunsAfterWarningOfItsPlaceholders() throws Exception {
    Path ispac = dir.resolve("Counting.ispac");
    Files.write(ispac, ispac(COUNTING.resolve("Counting.dtproj")));

    Result run =
        CliRun.run("run", ispac.toString(), "--package", "Parent.dtsx", "--logging-level", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("in memory: 10 of 11 elements converted, 1 placeholder task, 0 left out")
        .contains(
            "warning: Parent \\Package\\Send report (Microsoft.SendMailTask): placeholder task,"
                + " fails if reached: it names no SMTP connection manager (SMTPServer)");
    assertThat(run.out())
        .contains("Run child: running package Child")
        .contains("\\Parent\\Run child\\Child\\Count to three[3]\\Note (success)")
        .contains("Package Parent: SUCCESS");
  }

  @Test
  void anSsisProjectFolderRunsLikeItsIspac() {
    Result run = CliRun.run("run", COUNTING.toString(), "--package", "Parent");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Package Parent: SUCCESS");
  }

  @Test
  void anIspacWithoutThePackageItsManifestNamesExits2WithTheCauseAndAHint() throws Exception {
    Path ispac = dir.resolve("Broken.ispac");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("@Project.manifest", manifest(COUNTING.resolve("Counting.dtproj")));
    files.put("Parent.dtsx", Files.readAllBytes(COUNTING.resolve("Parent.dtsx")));
    Files.write(ispac, zip(files));

    Result run = CliRun.run("run", ispac.toString(), "--package", "Parent");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            ispac + ": its manifest names the package Child.dtsx, which the archive does not hold")
        .contains("hint: build the .ispac again in Visual Studio");
  }

  @Test
  void aCorruptIspacExits2() throws Exception {
    Path ispac = dir.resolve("Corrupt.ispac");
    Files.writeString(ispac, "PK but not really a zip");

    Result run =
        CliRun.run("import", "ssis", ispac.toString(), "--to", dir.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(ispac + ": is not a readable .ispac: ").contains("hint: ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aFolderWithoutPackagesExits2() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Result run =
        CliRun.run("import", "ssis", empty.toString(), "--to", dir.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(empty + ": holds no SSIS package (.dtsx) and no SSIS project (.dtproj)")
        .contains("hint: give the folder that holds the project's .dtproj and .dtsx files");
  }

  @Test
  void theCrimeStatFolderImportsIntoAProjectThatValidates() {
    Path target = dir.resolve("crimestat");

    Result run = CliRun.run("import", "ssis", CRIMESTAT.toString(), "--to", target.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("imported AndreyQC__CrimeStat.SSIS into " + target + ": ");
    Result validate = CliRun.run("project", "validate", target.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(validate.out()).contains("project CrimeStat.SSIS is valid: 11 packages");
  }

  @Test
  void anIspacDeploysThroughAMasterAndItsOperationKeepsTheImportsFindings() throws Exception {
    Path ispac = dir.resolve("Counting.ispac");
    Files.write(ispac, ispac(COUNTING.resolve("Counting.dtproj")));
    TestCertificates.write(dir, "localhost", "127.0.0.1");
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    try (CatalogDatabase database = CatalogDatabase.open(location)) {
      CatalogContext context =
          new CatalogContext(
              database, CatalogKey.loadOrCreate(dir.resolve("catalog.key")).cipher(), "master");
      LocalCatalog catalog = new LocalCatalog(context);
      MasterSettings settings =
          MasterSettings.defaults(
                  dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
              .withPorts(0, 0);
      try (Master master = Master.start(settings, catalog, context)) {
        Result deploy =
            CliRun.run(
                TestCertificates.asAlice(
                    dir,
                    master.managementPort(),
                    "catalog",
                    "deploy",
                    ispac.toString(),
                    "--folder",
                    "Imported",
                    "--create-folder"));

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out())
            .startsWith("Deployed project Counting to folder Imported as version 1");
        assertThat(deploy.err())
            .contains(
                "imported "
                    + ispac
                    + " in memory: 10 of 11 elements converted, 1 placeholder task, 0 left out;"
                    + " the findings go into the deploy's operation messages");
      }
      Project deployed =
          ProjectArchive.read(catalog.projects().archive("Imported", "Counting", null));
      assertThat(deployed.packages()).hasSize(2);
      assertThat(deployMessages(catalog))
          .containsExactly(
              "deployed version 1 of Imported/Counting",
              "imported from SSIS "
                  + ispac
                  + ": 10 of 11 elements converted, 1 placeholder task, 0 left out; IMPORT.md in"
                  + " the project's archive is the full report",
              "Parent \\Package\\Run child (Microsoft.ExecutePackageTask): converted: a file"
                  + " reference became a project reference: it ran C:\\src\\Counting\\Child.dtsx"
                  + " (connection Child.dtsx); it now runs the package Child of this project",
              "Parent \\Package\\Send report (Microsoft.SendMailTask): placeholder task, fails if"
                  + " reached: it names no SMTP connection manager (SMTPServer); to do: add an smtp"
                  + " connection and name it in the task's smtpConnection");
    }
  }

  @Test
  void anIspacUploadedToTheRestApiIsImportedInAProcessOfItsOwnAndDeployedWithItsFindings()
      throws Exception {
    byte[] counting = ispac(COUNTING.resolve("Counting.dtproj"));
    Map<String, byte[]> brokenFiles = new LinkedHashMap<>();
    brokenFiles.put("@Project.manifest", manifest(COUNTING.resolve("Counting.dtproj")));
    brokenFiles.put("Parent.dtsx", Files.readAllBytes(COUNTING.resolve("Parent.dtsx")));
    byte[] broken = zip(brokenFiles);
    TestCertificates.write(dir, "localhost", "127.0.0.1");
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    try (CatalogDatabase database = CatalogDatabase.open(location)) {
      CatalogContext context =
          new CatalogContext(
              database, CatalogKey.loadOrCreate(dir.resolve("catalog.key")).cipher(), "master");
      LocalCatalog catalog = new LocalCatalog(context);
      catalog.folders().create("Uploads", "");
      MasterSettings settings =
          MasterSettings.defaults(
                  dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
              .withPorts(0, 0);
      try (Master master = Master.start(settings, catalog, context)) {
        HttpClient alice =
            HttpClient.newBuilder()
                .sslContext(
                    TlsContexts.sslContext(
                        TlsContexts.keyStore(dir.resolve("alice.crt"), dir.resolve("alice.key")),
                        TlsContexts.trustStore(dir.resolve("ca.crt"))))
                .build();
        URI projects =
            URI.create(
                "https://localhost:"
                    + master.managementPort()
                    + "/api/v1/folders/Uploads/projects?file=Counting.ispac");

        HttpResponse<String> deployed = post(alice, projects, counting);
        HttpResponse<String> refused = post(alice, projects, broken);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        assertThat(deployed.body()).contains("\"project\":\"Counting\"");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
            .contains(
                "Counting.ispac: its manifest names the package Child.dtsx, which the archive does"
                    + " not hold")
            .contains("build the .ispac again in Visual Studio")
            .contains("nothing was stored");
      }
      Project stored = ProjectArchive.read(catalog.projects().archive("Uploads", "Counting", null));
      assertThat(stored.packages()).hasSize(2);
      assertThat(catalog.projects().versions("Uploads", "Counting")).hasSize(1);
      assertThat(deployMessages(catalog))
          .contains(
              "imported from SSIS Counting.ispac: 10 of 11 elements converted, 1 placeholder"
                  + " task, 0 left out; IMPORT.md in the project's archive is the full report");
    }
  }

  /** The messages of the catalog's first deploy operation (type 101). */
  private static List<String> deployMessages(LocalCatalog catalog) {
    Operation deploy =
        catalog.operations().list(OperationFilter.all()).stream()
            .filter(o -> o.operationType() == 101)
            .findFirst()
            .orElseThrow();
    return catalog.operations().messages(deploy.operationId()).stream()
        .map(OperationMessage::message)
        .toList();
  }

  private static HttpResponse<String> post(HttpClient client, URI uri, byte[] body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The .ispac Visual Studio would build from {@code dtproj}'s folder. */
  static byte[] ispac(Path dtproj) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("@Project.manifest", manifest(dtproj));
    try (var list = Files.list(dtproj.getParent())) {
      for (Path p : list.filter(p -> p.toString().endsWith(".dtsx")).sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    files.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
    return zip(files);
  }

  /** The .dtproj's {@code <SSIS:Project>} element, as Visual Studio writes @Project.manifest. */
  static byte[] manifest(Path dtproj) throws Exception {
    String text = Files.readString(dtproj);
    return text.substring(text.indexOf("<SSIS:Project "), text.indexOf("</SSIS:Project>") + 15)
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zip(Map<String, byte[]> files) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        String name =
            f.getKey().startsWith("[")
                ? f.getKey()
                : new URI(null, null, f.getKey(), null).getRawPath();
        zip.putNextEntry(new ZipEntry(name));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
