package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not SSIS packages give one message naming the file and line, and a hint. */
class BadInputTest {

  @TempDir Path dir;

  @Test
  void aTruncatedPackageNamesTheFileAndTheLineWhereItEnds() throws Exception {
    String lesson = Files.readString(TutorialImportTest.TUTORIAL.resolve("Lesson1.dtsx"));
    String half = lesson.substring(0, lesson.indexOf("<DTS:Executables>") + 20);
    Path file = dir.resolve("Cut.dtsx");
    Files.writeString(file, half);
    long lines = half.lines().count();

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(file + ":" + e.line() + ": is not well-formed XML");
              assertThat(e.line()).isBetween((int) lines - 1, (int) lines + 1);
              assertThat(e.hint()).contains("save it again");
            });
  }

  @Test
  void anXmlFileThatIsNoPackageSaysWhatARootShouldBe() throws Exception {
    Path file = dir.resolve("pom.dtsx");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n</project>\n");

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage())
                  .isEqualTo(
                      file
                          + ":3: is not an SSIS package: its root element is <project> in"
                          + " namespace http://maven.apache.org/POM/4.0.0, where a .dtsx has"
                          + " <DTS:Executable> of type Microsoft.Package in namespace"
                          + " www.microsoft.com/SqlServer/Dts");
            });
  }

  @Test
  void anExternalEntityIsRefusedAndTheFileItNamesIsNeverRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    Path file = dir.resolve("Evil.dtsx");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY s SYSTEM \""
            + secret.toUri()
            + "\"> ]>\n<DTS:Executable xmlns:DTS=\"www.microsoft.com/SqlServer/Dts\""
            + " DTS:ExecutableType=\"Microsoft.Package\" DTS:ObjectName=\"&s;\""
            + " DTS:Description=\"&s;\">\n</DTS:Executable>\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.problem())
                  .startsWith("holds a DOCTYPE declaration")
                  .contains("external entities");
              assertThat(e.getMessage()).doesNotContain("TOP-SECRET-VALUE");
            });
  }

  @Test
  void anEntityExpansionBombIsRefusedBeforeItExpands() throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE x [ <!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      dtd.append("<!ENTITY a")
          .append(i)
          .append(" \"")
          .append(("&a" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    dtd.append("]>");
    Path file = dir.resolve("Bomb.dtsx");
    Files.writeString(file, "<?xml version=\"1.0\"?>\n" + dtd + "\n<x>&a11;</x>\n");

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> assertThat(e.problem()).startsWith("holds a DOCTYPE declaration"));
  }

  @Test
  void aFileOver64MiBIsRefusedBeforeItIsRead() throws Exception {
    Path file = dir.resolve("Huge.dtsx");
    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(64L * 1024 * 1024 + 1); // sparse: nothing is written
    }

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        file
                            + ": is 67,108,865 bytes, more than the 67,108,864 (64 MiB) an SSIS"
                            + " file may have here"));
  }

  @Test
  void elementsNestedThousandsDeepAreRefusedAtTheLineWhereTheLimitIsPassed() throws Exception {
    Path file = dir.resolve("Deep.dtsx");
    Files.writeString(file, "<?xml version=\"1.0\"?>\n" + "<a>\n".repeat(5000));

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(258); // the 257th element, after the declaration
              assertThat(e.problem()).startsWith("nests elements more than 256 levels deep");
            });
  }

  @Test
  void aPackageOfThe2008FormatSaysHowToUpgradeIt() throws Exception {
    Path file = dir.resolve("Old.dtsx");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n<DTS:Executable xmlns:DTS=\"www.microsoft.com/SqlServer/Dts\""
            + " DTS:ExecutableType=\"SSIS.Package.2\">\n"
            + "<DTS:Property DTS:Name=\"PackageFormatVersion\">3</DTS:Property>\n"
            + "</DTS:Executable>\n");

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.getMessage()).startsWith(file + ":2: is an SSIS package of format 3");
              assertThat(e.hint()).contains("upgrades its packages");
            });
  }

  @Test
  void aPackageEncryptedAsAWholeSaysHowToSaveItReadable() throws Exception {
    String lesson = Files.readString(TutorialImportTest.TUTORIAL.resolve("Lesson1.dtsx"));
    Path file = dir.resolve("Secret.dtsx");
    Files.writeString(
        file,
        lesson.replace(
            "DTS:CreationName=\"SSIS.Package.3\">",
            "DTS:CreationName=\"SSIS.Package.3\"\n  DTS:ProtectionLevel=\"3\">"));

    assertThatThrownBy(() -> SsisImporter.importPackage(file))
        .isInstanceOfSatisfying(
            SsisImportException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(
                      file
                          + ":"
                          + e.line()
                          + ": is encrypted as a whole (ProtectionLevel EncryptAllWithPassword)");
              assertThat(e.hint()).contains("DontSaveSensitive");
            });
  }

  /**
   * SSIS's default protection level keeps passwords and sensitive values encrypted with the
   * designer's Windows key: the import goes on, each such value becomes a required sensitive
   * parameter without a value, and the report says once which values and what to do.
   */
  @Test
  void encryptedSensitiveValuesBecomeRequiredParametersAndTheReportSaysWhy() throws Exception {
    String lesson = Files.readString(TutorialImportTest.TUTORIAL.resolve("Lesson1.dtsx"));
    String encrypted =
        lesson
            .replace(
                "Integrated Security=SSPI;",
                "User ID=etl;\" >\n<DTS:Password DTS:Name=\"Password\" Sensitive=\"1\""
                    + " Encrypted=\"1\">AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA</DTS:Password>\n"
                    + "</DTS:ConnectionManager><DTS:Ignored DTS:X=\"")
            .replaceFirst( // the package's variables, not a task's
                "  <DTS:Variables />",
                "  <DTS:PackageParameters>\n"
                    + "    <DTS:PackageParameter DTS:CreationName=\"\" DTS:DataType=\"8\""
                    + " DTS:ObjectName=\"ApiKey\" DTS:Sensitive=\"True\">\n"
                    + "      <DTS:Property DTS:DataType=\"8\" DTS:Name=\"ParameterValue\""
                    + " Sensitive=\"1\" Encrypted=\"1\">AQAAANCMnd8BFdERjHoAwE</DTS:Property>\n"
                    + "    </DTS:PackageParameter>\n"
                    + "  </DTS:PackageParameters>\n"
                    + "  <DTS:Variables />");
    Path file = dir.resolve("Sensitive.dtsx");
    Files.writeString(file, encrypted);

    ImportResult result = SsisImporter.importPackage(file);

    var pkg = result.project().packages().get(0);
    assertThat(pkg.parameters())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("ApiKey");
              assertThat(p.sensitive()).isTrue();
              assertThat(p.required()).as("its value was lost: it must be set").isTrue();
              assertThat(p.defaultValue()).isNull();
            });
    assertThat(result.project().parameters())
        .anySatisfy(
            p -> {
              assertThat(p.name()).endsWith("_Password");
              assertThat(p.sensitive()).isTrue();
              assertThat(p.required()).isTrue();
            });
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().equals("\\Package.Properties[ProtectionLevel]"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ssisType()).isEqualTo("EncryptSensitiveWithUserKey");
              assertThat(e.note())
                  .startsWith("2 sensitive value(s) of the package are encrypted")
                  .contains("localhost.AdventureWorksDW2012 (Password)", "ApiKey (Property)");
              assertThat(e.todo()).contains("DontSaveSensitive", "--param");
            });
    assertThat(encrypted).doesNotContain("ProtectionLevel"); // SSIS's default is not written
  }
}
