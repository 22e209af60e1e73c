package io.sluice.ssis.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.Corpus;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SSIS project folders, .dtproj files and .ispac archives as sources of one import. */
class ProjectSourcesTest {

  static final Path CRIMESTAT = Corpus.ROOT.resolve("AndreyQC__CrimeStat.SSIS");
  static final Path DTSX_EXAMPLES = Corpus.ROOT.resolve("7045kHz__dtsx").resolve("SSIS_EXAMPLES");

  @TempDir Path dir;

  @Test
  void theCrimeStatFolderIsOneProjectWhoseExecutePackageTasksRunItsPackages() {
    ImportResult result = SsisImporter.importSource(CRIMESTAT);

    assertThat(result.project().name()).isEqualTo("CrimeStat.SSIS");
    // the .dtproj's order, without the five packages whose files the repository lacks
    assertThat(result.project().packages())
        .extracting(PackageDefinition::name)
        .containsExactly(
            "MSBILecture14",
            "Staging_Load_WorldBank",
            "Prepare_UNCrime",
            "Staging_Load_UNCrime",
            "Staging_Transform_WorldBank",
            "dwh_Load_DimDate",
            "dwh_Load_DimCountry",
            "dwh_Load_DimCrimeType",
            "dwh_Load_FactCrime",
            "dwh_Load_FactPopulation",
            "MasterPackage");
    List<TaskDefinition> executePackages =
        flatten(result.project().findPackage("MasterPackage").orElseThrow().tasks()).stream()
            .filter(t -> t.name().startsWith("EPT ") || t.name().contains("_"))
            .toList();
    assertThat(executePackages).hasSize(12);
    assertThat(executePackages.stream().filter(t -> t.type().equals("ExecutePackage")))
        .extracting(t -> t.properties().get("package"))
        .containsExactlyInAnyOrder(
            "dwh_Load_DimCountry",
            "dwh_Load_DimCrimeType",
            "dwh_Load_DimDate",
            "dwh_Load_FactCrime",
            "dwh_Load_FactPopulation",
            "Staging_Load_UNCrime",
            "Staging_Load_WorldBank",
            "Staging_Transform_WorldBank");
    assertThat(executePackages.stream().filter(t -> t.type().equals("Unsupported")))
        .extracting(TaskDefinition::name)
        .containsExactlyInAnyOrder(
            "EPT Prepare_Countries",
            "Staging_Load_Countries",
            "Staging_Transform_Country",
            "Staging_Transform_UNCrime");
    assertThat(result.report().entries())
        .filteredOn(e -> "Microsoft.ExecutePackageTask".equals(e.ssisType()))
        .extracting(ImportEntry::outcome)
        .containsOnly(Outcome.CONVERTED, Outcome.PLACEHOLDER)
        .hasSize(12);
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().startsWith("\\Project.Packages["))
        .extracting(ImportEntry::path)
        .containsExactly(
            "\\Project.Packages[Prepare_WorldBank.dtsx]",
            "\\Project.Packages[Prepare_Countries.dtsx]",
            "\\Project.Packages[Staging_Load_Countries.dtsx]",
            "\\Project.Packages[Staging_Transform_Country.dtsx]",
            "\\Project.Packages[Staging_Transform_UNCrime.dtsx]");
    assertThat(result.report().entries().get(0).note())
        .isEqualTo(
            "CrimeStat.SSIS.dtproj names the package Prepare_WorldBank.dtsx, but the file is not"
                + " in the folder");
    ProjectParser.parse(ProjectWriter.write(result.project())); // validates
  }

  static Stream<Path> projectFolders() throws Exception {
    return Corpus.files(".dtproj", 5).stream().map(Path::getParent);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projectFolders")
  void everyProjectFolderOfTheCorpusImportsIntoAProjectThatValidates(Path folder) {
    ImportResult result = SsisImporter.importSource(folder);

    assertThat(result.project().packages()).isNotEmpty();
    ProjectParser.parse(ProjectWriter.write(result.project()));
  }

  @Test
  void theDtprojNamedItselfImportsAsItsFolderDoes() {
    assertThat(
            ProjectWriter.write(
                    SsisImporter.importSource(CRIMESTAT.resolve("CrimeStat.SSIS.dtproj")).project())
                .all())
        .containsExactlyInAnyOrderEntriesOf(
            ProjectWriter.write(SsisImporter.importSource(CRIMESTAT).project()).all());
  }

  @Test
  void aFileReferenceToAPackageOfTheFolderBecomesAProjectReference() {
    ImportResult result = SsisImporter.importSource(DTSX_EXAMPLES);

    List<TaskDefinition> tasks = result.project().findPackage("RunMultu").orElseThrow().tasks();
    TaskDefinition rec = tasks.stream().filter(t -> t.name().equals("rec")).findFirst().get();
    assertThat(rec.type()).isEqualTo("ExecutePackage");
    assertThat(rec.properties()).containsEntry("package", "MSMQRec");
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\rec"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED);
              assertThat(e.note())
                  .startsWith(
                      "a file reference became a project reference: it ran"
                          + " C:\\Users\\U00001\\source\\repos\\SSIS.DEMO\\SSIS\\MSMQRec.dtsx"
                          + " (connection MSMQRec.dtsx); it now runs the package MSMQRec of this"
                          + " project");
            });
    // MSMQSender.dtsx is not in the repository
    TaskDefinition sender = tasks.stream().filter(t -> t.name().equals("sender")).findFirst().get();
    assertThat(sender.type()).isEqualTo("Unsupported");
    ProjectParser.parse(ProjectWriter.write(result.project()));
  }

  @Test
  void anIspacBuiltFromTheFolderImportsToTheSameProject() throws Exception {
    Path ispac = dir.resolve("CrimeStat.SSIS.ispac");
    Files.write(ispac, IspacFiles.build(CRIMESTAT.resolve("CrimeStat.SSIS.dtproj")));

    ImportResult fromIspac = SsisImporter.importSource(ispac);

    assertThat(ProjectWriter.write(fromIspac.project()).all())
        .containsExactlyInAnyOrderEntriesOf(
            ProjectWriter.write(SsisImporter.importSource(CRIMESTAT).project()).all());
    assertThat(fromIspac.report().source()).isEqualTo("CrimeStat.SSIS.ispac");
    assertThat(fromIspac.report().entries())
        .allSatisfy(e -> assertThat(String.valueOf(e.note())).doesNotContain("sluice-ispac-"));
  }

  @Test
  void theIspacsTemporaryFolderIsOwnerOnlyAndDeletedAfterTheImport() throws Exception {
    Path ispac = dir.resolve("CrimeStat.SSIS.ispac");
    Files.write(ispac, IspacFiles.build(CRIMESTAT.resolve("CrimeStat.SSIS.dtproj")));
    Path parent = Files.createDirectory(dir.resolve("tmp"));

    try (IspacArchive archive = IspacArchive.open(ispac, parent)) {
      Path unpacked = Path.of(archive.folderText());
      assertThat(Files.getPosixFilePermissions(unpacked))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE);
      assertThat(unpacked.resolve("MasterPackage.dtsx")).exists();
    }
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anIspacEntryNameWithASpaceIsDecoded() throws Exception {
    Path ispac = dir.resolve("Spaces.ispac");
    Files.write(
        ispac,
        IspacFiles.zip(
            files(
                "@Project.manifest", manifest("Spaced", "My Package.dtsx"),
                "My Package.dtsx", minimalPackage())));

    ImportResult result = SsisImporter.importSource(ispac);

    assertThat(result.project().name()).isEqualTo("Spaced");
    assertThat(result.project().packages())
        .extracting(PackageDefinition::name)
        .containsExactly("My Package");
  }

  @Test
  void anIspacWhoseManifestNamesAMissingPackageIsRefused() throws Exception {
    Path ispac = dir.resolve("Missing.ispac");
    Files.write(
        ispac,
        IspacFiles.zip(
            files(
                "@Project.manifest", manifest("P", "Load.dtsx", "Gone.dtsx"),
                "Load.dtsx", minimalPackage())));

    SsisImportException e = refusal(() -> SsisImporter.importSource(ispac));
    assertThat(e.getMessage())
        .isEqualTo(
            ispac
                + ": its manifest names the package Gone.dtsx, which the archive does"
                + " not hold");
    assertThat(e.hint()).startsWith("build the .ispac again in Visual Studio");
  }

  @Test
  void aFileThatIsNoZipIsNoIspac() throws Exception {
    Path ispac = dir.resolve("Corrupt.ispac");
    Files.writeString(ispac, "this is not a zip archive at all");

    SsisImportException e = refusal(() -> SsisImporter.importSource(ispac));
    assertThat(e.getMessage()).startsWith(ispac + ": is not a readable .ispac: ");
    assertThat(e.hint()).contains("build the project again in Visual Studio");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "../escaped.dtsx | unsafe entry name '../escaped.dtsx'",
        "..%2Fescaped.dtsx | holds an entry '..%2Fescaped.dtsx' that is not a file name"
      })
  void anIspacWithAnEntryOutsideItsFolderIsRefusedBeforeAnythingIsWritten(
      String entry, String refusal) throws Exception {
    Path ispac = dir.resolve("Evil.ispac");
    Files.write(
        ispac,
        rawZip(
            files(
                "@Project.manifest",
                manifest("P", "Load.dtsx"),
                "Load.dtsx",
                minimalPackage(),
                entry,
                minimalPackage())));

    assertThat(refusal(() -> SsisImporter.importSource(ispac))).hasMessageContaining(refusal);
    assertThat(dir.getParent().resolve("escaped.dtsx")).doesNotExist();
  }

  @Test
  void aFolderWithoutPackagesIsRefused() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "nothing here");

    SsisImportException e = refusal(() -> SsisImporter.importSource(dir));
    assertThat(e.getMessage())
        .isEqualTo(dir + ": holds no SSIS package (.dtsx) and no SSIS project (.dtproj)");
    assertThat(e.hint()).startsWith("give the folder that holds the project's .dtproj");
  }

  @Test
  void aFolderWithTwoProjectsAsksWhichOne() throws Exception {
    Files.writeString(dir.resolve("A.dtproj"), "<Project/>");
    Files.writeString(dir.resolve("B.dtproj"), "<Project/>");

    SsisImportException e = refusal(() -> SsisImporter.importSource(dir));
    assertThat(e.getMessage()).isEqualTo(dir + ": holds 2 SSIS projects (A.dtproj, B.dtproj)");
    assertThat(e.hint())
        .isEqualTo("name the .dtproj instead of the folder, e.g. " + dir.resolve("A.dtproj"));
  }

  @Test
  void aFolderOfPackagesWithoutDtprojIsOneProjectNamedAfterIt() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("Loads"));
    Files.writeString(folder.resolve("B.dtsx"), minimalPackage());
    Files.writeString(folder.resolve("A.dtsx"), minimalPackage());

    ImportResult result = SsisImporter.importSource(folder);

    assertThat(result.project().name()).isEqualTo("Loads");
    assertThat(result.project().packages())
        .extracting(PackageDefinition::name)
        .containsExactly("A", "B");
  }

  @Test
  void aDtprojWhosePackagesAreAllMissingIsRefused() throws Exception {
    Files.writeString(dir.resolve("P.dtproj"), dtproj("P", "Gone.dtsx"));

    assertThat(refusal(() -> SsisImporter.importSource(dir)).getMessage())
        .isEqualTo(
            dir.resolve("P.dtproj")
                + ": lists 1 packages (Gone.dtsx), and none of their files is in"
                + " the folder");
  }

  @Test
  void aPackageOfTheFolderThatTheProjectDoesNotListIsReportedNotImported() throws Exception {
    Files.writeString(dir.resolve("P.dtproj"), dtproj("P", "Load.dtsx"));
    Files.writeString(dir.resolve("Load.dtsx"), minimalPackage());
    Files.writeString(dir.resolve("Old.dtsx"), minimalPackage());

    ImportResult result = SsisImporter.importSource(dir);

    assertThat(result.project().packages())
        .extracting(PackageDefinition::name)
        .containsExactly("Load");
    assertThat(result.report().entries().get(0))
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("\\Project.Packages[Old.dtsx]");
              assertThat(e.outcome()).isEqualTo(Outcome.LEFT_OUT);
              assertThat(e.note())
                  .isEqualTo(
                      "Old.dtsx is in the folder but not part of the project (P.dtproj), so it"
                          + " was not imported");
            });
  }

  @Test
  void aDtprojThatNamesAPackageOutsideItsFolderIsNotFollowed() throws Exception {
    Path project = Files.createDirectory(dir.resolve("project"));
    Files.writeString(dir.resolve("Outside.dtsx"), minimalPackage());
    Files.writeString(project.resolve("Load.dtsx"), minimalPackage());
    Files.writeString(project.resolve("P.dtproj"), dtproj("P", "Load.dtsx", "..\\Outside.dtsx"));

    ImportResult result = SsisImporter.importSource(project);

    assertThat(result.project().packages())
        .extracting(PackageDefinition::name)
        .containsExactly("Load");
    assertThat(result.report().entries().get(0).note()).endsWith("; not followed");
  }

  static Map<String, byte[]> files(String... namesAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  /** A zip with entry names exactly as given (no part-URI encoding). */
  static byte[] rawZip(Map<String, byte[]> files) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** An @Project.manifest naming {@code packages}. */
  static String manifest(String name, String... packages) {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\"?><SSIS:Project SSIS:ProtectionLevel=\"DontSaveSensitive\""
                + " xmlns:SSIS=\"www.microsoft.com/SqlServer/SSIS\"><SSIS:Properties>"
                + "<SSIS:Property SSIS:Name=\"Name\">"
                + name
                + "</SSIS:Property></SSIS:Properties><SSIS:Packages>");
    for (String p : packages) {
      s.append("<SSIS:Package SSIS:Name=\"").append(p).append("\" SSIS:EntryPoint=\"1\" />");
    }
    return s.append("</SSIS:Packages></SSIS:Project>").toString();
  }

  /** A .dtproj whose manifest names {@code packages}. */
  static String dtproj(String name, String... packages) {
    return "<Project><DeploymentModelSpecificContent><Manifest>"
        + manifest(name, packages).replace("<?xml version=\"1.0\"?>", "")
        + "</Manifest></DeploymentModelSpecificContent></Project>";
  }

  /** What the call threw, failing the test unless it refused the import. */
  static SsisImportException refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(SsisImportException.class);
    return (SsisImportException) thrown;
  }

  /** A package of one Expression task. */
  static String minimalPackage() {
    return """
        <?xml version="1.0"?>
        <DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"
          DTS:refId="Package" DTS:CreationName="Microsoft.Package"
          DTS:ExecutableType="Microsoft.Package" DTS:ObjectName="P">
          <DTS:Property DTS:Name="PackageFormatVersion">8</DTS:Property>
          <DTS:Variables>
            <DTS:Variable DTS:Namespace="User" DTS:ObjectName="N">
              <DTS:VariableValue DTS:DataType="3">0</DTS:VariableValue>
            </DTS:Variable>
          </DTS:Variables>
          <DTS:Executables>
            <DTS:Executable DTS:refId="Package\\Set N" DTS:CreationName="Microsoft.ExpressionTask"
              DTS:ExecutableType="Microsoft.ExpressionTask" DTS:ObjectName="Set N">
              <DTS:ObjectData>
                <ExpressionTask Expression="@[User::N] = 5" />
              </DTS:ObjectData>
            </DTS:Executable>
          </DTS:Executables>
        </DTS:Executable>
        """;
  }

  private static List<TaskDefinition> flatten(List<TaskDefinition> tasks) {
    List<TaskDefinition> out = new java.util.ArrayList<>();
    for (TaskDefinition t : tasks) {
      out.add(t);
      if (t.tasks() != null) {
        out.addAll(flatten(t.tasks()));
      }
    }
    return out;
  }
}
