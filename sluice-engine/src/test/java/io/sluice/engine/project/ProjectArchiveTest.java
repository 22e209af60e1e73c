package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are deterministic, and reading one refuses anything unsafe. */
class ProjectArchiveTest {

  @TempDir Path dir;

  @Test
  void theSameFolderPacksToTheSameBytesWhateverTheFileTimesAndTimeZone() throws IOException {
    writeProject(dir.resolve("one"));
    writeProject(dir.resolve("two"));
    Files.setLastModifiedTime(
        dir.resolve("two/project.yaml"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));

    byte[] first = ProjectArchive.pack(dir.resolve("one"));
    TimeZone original = TimeZone.getDefault();
    byte[] second;
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      second = ProjectArchive.pack(dir.resolve("two"));
    } finally {
      TimeZone.setDefault(original);
    }

    assertThat(second).isEqualTo(first);
    assertThat(ProjectArchive.sha256(second)).isEqualTo(ProjectArchive.sha256(first)).hasSize(64);
  }

  @Test
  void hiddenFilesAndBuildOutputAreLeftOut() throws IOException {
    writeProject(dir);
    write(dir.resolve(".git/config"), "[core]");
    write(dir.resolve(".DS_Store"), "junk");
    write(dir.resolve("packages/.draft.yaml"), "not: [valid");
    write(dir.resolve("target/out.txt"), "built");
    write(dir.resolve("sql/create.sql"), "CREATE TABLE t (x int);");

    ProjectFiles files = ProjectFiles.fromArchive(ProjectArchive.pack(dir));

    assertThat(files.all().keySet())
        .containsExactly("packages/hello.yaml", "project.yaml", "sql/create.sql");
  }

  @Test
  void anArchiveReadsBackToTheSameProject() throws IOException {
    writeProject(dir);
    Path archive = dir.resolveSibling(dir.getFileName() + ProjectArchive.EXTENSION);
    Files.write(archive, ProjectArchive.pack(dir));

    Project fromFolder = ProjectArchive.load(dir);
    Project fromArchive = ProjectArchive.load(archive);

    assertThat(fromArchive).isEqualTo(fromFolder);
    assertThat(ProjectArchive.fromPath(archive)).isEqualTo(Files.readAllBytes(archive));
  }

  @Test
  void packingABrokenProjectFailsWithItsProblems() throws IOException {
    writeProject(dir);
    write(dir.resolve("packages/broken.yaml"), "tasks: [");

    assertThatThrownBy(() -> ProjectArchive.pack(dir))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("packages/broken.yaml:1:8: YAML syntax: the file ends inside a list");
  }

  @Test
  void aMissingPathIsAProblemNamingIt() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> ProjectArchive.load(missing))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining(missing + ": does not exist");
  }

  @Test
  void unsafeEntryNamesAreRefused() throws IOException {
    for (String name : new String[] {"../evil.yaml", "/etc/passwd", "a/../../b", "C:/x", "a\\b"}) {
      byte[] archive = zip(name, "x".getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> ProjectFiles.fromArchive(archive))
          .as(name)
          .isInstanceOf(ProjectFormatException.class)
          .hasMessageContaining("unsafe entry name '" + name + "'");
    }
  }

  @Test
  void namesThatMerelyContainDotsAreFine() throws IOException {
    byte[] archive = zip("notes..v2.txt", "x".getBytes(StandardCharsets.UTF_8));

    assertThat(ProjectFiles.fromArchive(archive).all()).containsOnlyKeys("notes..v2.txt");
  }

  @Test
  void anArchiveThatUnpacksTooLargeIsRefused() throws IOException {
    byte[] zeros = new byte[(int) ProjectFiles.MAX_ARCHIVE_BYTES + 1];
    byte[] bomb = zip("big.txt", zeros);

    assertThat(bomb.length).isLessThan(1024 * 1024);
    assertThatThrownBy(() -> ProjectFiles.fromArchive(bomb))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("unpacks to more than 64 MiB");
  }

  @Test
  void anArchiveTooLargeItselfIsRefused() {
    byte[] huge = new byte[(int) ProjectFiles.MAX_ARCHIVE_BYTES + 1];

    assertThatThrownBy(() -> ProjectFiles.fromArchive(huge))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("is larger than 64 MiB");
  }

  @Test
  void somethingThatIsNotAZipIsRefused() {
    byte[] text = "name: p\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ProjectFiles.fromArchive(text))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("is empty or not a zip archive");
  }

  private static void writeProject(Path root) throws IOException {
    write(root.resolve("project.yaml"), "name: hello\n");
    write(
        root.resolve("packages/hello.yaml"),
        "tasks:\n  - {name: Say hello, type: Expression, expression: \"1 == 1\"}\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
