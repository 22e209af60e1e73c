package io.sluice.catalog.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogException.Reason;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsTest {

  @TempDir Path tmp;
  private CatalogUnderTest cut;
  private Projects projects;
  private final List<ProjectOperation> recorded = new ArrayList<>();

  @BeforeEach
  void open() {
    cut = CatalogUnderTest.open();
    projects = new JdbcProjects(cut.context(), recorded::add);
    cut.catalog().folders().create("Finance", "");
  }

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void firstDeployCreatesTheProjectAsVersionOne() {
    byte[] archive = TestProjects.sample("Sales").pack(tmp);

    DeployResult result = projects.deploy("Finance", archive);

    assertThat(result.project()).isEqualTo("Sales");
    assertThat(result.versionNumber()).isEqualTo(1);
    assertThat(result.packages())
        .extracting(PackageInfo::name, PackageInfo::entryPoint, PackageInfo::parameterCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Load", true, 1),
            org.assertj.core.groups.Tuple.tuple("Helper", false, 0));
    assertThat(result.parameterCount()).isEqualTo(5);
    assertThat(result.archiveSha256()).isEqualTo(ProjectDeployment.sha256(archive)).hasSize(64);
    ProjectInfo info = projects.get("Finance", "Sales");
    assertThat(info.currentVersion()).isEqualTo(1);
    assertThat(info.versionCount()).isEqualTo(1);
    assertThat(info.description()).isEqualTo("test project");
    assertThat(projects.packages("Finance", "Sales"))
        .extracting(PackageInfo::name)
        .containsExactly("Helper", "Load");
    assertThat(projects.list("Finance")).extracting(ProjectInfo::name).containsExactly("Sales");
    assertThat(projects.list(null)).extracting(ProjectInfo::folder).containsExactly("Finance");
  }

  @Test
  void everyDeployAddsTheNextVersionAndMakesItCurrent() {
    for (int i = 0; i < 3; i++) {
      projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    }
    List<ProjectVersion> versions = projects.versions("Finance", "Sales");
    assertThat(versions).extracting(ProjectVersion::versionNumber).containsExactly(3, 2, 1);
    assertThat(versions).extracting(ProjectVersion::current).containsExactly(true, false, false);
    assertThat(versions).allSatisfy(v -> assertThat(v.deployedBy()).isEqualTo("tester"));
    assertThat(projects.get("Finance", "Sales").currentVersion()).isEqualTo(3);
  }

  @Test
  void deployIntoAMissingFolderIsRefused() {
    assertThatThrownBy(() -> projects.deploy("Nope", TestProjects.sample("Sales").pack(tmp)))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
        .hasMessage("folder 'Nope' does not exist");
    assertThat(recorded).singleElement().satisfies(op -> assertThat(op.succeeded()).isFalse());
  }

  @Test
  void malformedProjectPropagatesTheFormatErrorAndStoresNothing() throws Exception {
    Path dir = TestProjects.sample("Sales").writeTo(tmp);
    byte[] good = ProjectArchive.pack(dir);
    Files.writeString(
        dir.resolve("packages/Load.yaml"), "name: Load\ntasks:\n  - name: X\n    type: Teleport\n");
    byte[] bad = io.sluice.engine.project.ProjectFiles.fromDirectory(dir).toArchive();

    assertThatThrownBy(() -> projects.deploy("Finance", bad))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("unknown task type 'Teleport'");
    assertThatThrownBy(
            () -> projects.deploy("Finance", "not a zip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ProjectFormatException.class);

    assertThat(projects.list(null)).isEmpty();
    assertThat(count("project_version")).isZero();
    assertThat(count("parameter")).isZero();
    projects.deploy("Finance", good);
    assertThat(projects.get("Finance", "Sales").currentVersion()).isEqualTo(1);
  }

  @Test
  void aMisspeltComponentSettingIsRefusedAtDeployAndNothingIsStored() throws Exception {
    Path dir = TestProjects.sample("Sales").writeTo(tmp);
    Files.writeString(
        dir.resolve("packages/Helper.yaml"),
        """
        name: Helper
        tasks:
          - name: Flow
            type: DataFlow
            components:
              - {name: Read, type: JdbcSource, connection: W, query: q, fetchSise: 500}
              - {name: Drop, type: DiscardDestination, input: Read}
        """);
    byte[] typo = io.sluice.engine.project.ProjectFiles.fromDirectory(dir).toArchive();

    assertThatThrownBy(() -> projects.deploy("Finance", typo))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining(
            "packages/Helper.yaml:6:65: component 'Read' (JdbcSource): unknown setting"
                + " 'fetchSise' in a JdbcSource component; did you mean 'fetchSize'?");

    assertThat(projects.list(null)).isEmpty();
    assertThat(count("project_version")).isZero();
    assertThat(recorded).singleElement().satisfies(op -> assertThat(op.succeeded()).isFalse());
  }

  @Test
  void versionCleanupKeepsTheNewestMaxProjectVersions() {
    cut.setProperty("MAX_PROJECT_VERSIONS", "3");
    List<List<Integer>> removed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      removed.add(
          projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp)).removedVersions());
    }
    assertThat(removed).containsExactly(List.of(), List.of(), List.of(), List.of(1), List.of(2));
    assertThat(projects.versions("Finance", "Sales"))
        .extracting(ProjectVersion::versionNumber)
        .containsExactly(5, 4, 3);
    // The packages and parameters of removed versions went with them.
    assertThat(count("package")).isEqualTo(3 * 2);
    assertThat(count("parameter")).isEqualTo(3 * 5);
  }

  @Test
  void versionCleanupCanBeSwitchedOff() {
    cut.setProperty("MAX_PROJECT_VERSIONS", "1");
    cut.setProperty("VERSION_CLEANUP_ENABLED", "false");
    for (int i = 0; i < 3; i++) {
      projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    }
    assertThat(projects.versions("Finance", "Sales")).hasSize(3);
  }

  @Test
  void cleanupNeverRemovesTheVersionThatBecameCurrent() {
    cut.setProperty("MAX_PROJECT_VERSIONS", "1");
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    DeployResult second = projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    assertThat(second.removedVersions()).containsExactly(1);
    assertThat(projects.versions("Finance", "Sales"))
        .extracting(ProjectVersion::versionNumber, ProjectVersion::current)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true));
  }

  @Test
  void restoreMakesAnOlderVersionCurrentAndResetsItsServerValues() {
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    var parameters = cut.catalog().parameters();
    parameters.setValue(
        "Finance", "Sales", io.sluice.catalog.parameter.ObjectType.PROJECT, null, "BatchSize", "7");
    projects.deploy(
        "Finance", TestProjects.sample("Sales").withPackage("Extra", "").pack(tmp)); // version 2

    RestoreResult restored = projects.restore("Finance", "Sales", 1);

    assertThat(restored.versionNumber()).isEqualTo(1);
    assertThat(restored.previousVersionNumber()).isEqualTo(2);
    assertThat(restored.clearedServerValues()).isEqualTo(1);
    assertThat(projects.get("Finance", "Sales").currentVersion()).isEqualTo(1);
    assertThat(projects.packages("Finance", "Sales"))
        .extracting(PackageInfo::name)
        .containsExactly("Helper", "Load");
    assertThat(parameters.list("Finance", "Sales"))
        .filteredOn(p -> p.name().equals("BatchSize"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.serverValue()).isNull();
              assertThat(p.value()).isEqualTo("500");
            });
    assertThat(recorded)
        .extracting(ProjectOperation::operationType, ProjectOperation::versionNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(101, 1),
            org.assertj.core.groups.Tuple.tuple(101, 2),
            org.assertj.core.groups.Tuple.tuple(106, 1));
  }

  @Test
  void restoreRefusesUnknownAndAlreadyCurrentVersions() {
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    assertThatThrownBy(() -> projects.restore("Finance", "Sales", 9))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.getMessage()).contains("has no version 9");
              assertThat(e.hint()).contains("sluice catalog projects versions");
            });
    assertThatThrownBy(() -> projects.restore("Finance", "Sales", 1))
        .isInstanceOfSatisfying(
            CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("already current");
  }

  @Test
  void archiveReturnsTheBytesOfAnyKeptVersion() {
    byte[] first = TestProjects.sample("Sales").pack(tmp);
    byte[] second = TestProjects.sample("Sales").withPackage("Extra", "").pack(tmp);
    projects.deploy("Finance", first);
    projects.deploy("Finance", second);

    assertThat(projects.archive("Finance", "Sales", null)).isEqualTo(second);
    assertThat(projects.archive("Finance", "Sales", 1)).isEqualTo(first);
    assertThat(ProjectArchive.read(projects.archive("Finance", "Sales", 2)).packages()).hasSize(3);
  }

  @Test
  void archivesWithSensitiveDesignDefaultsAreStoredEncrypted() {
    byte[] withSecret = TestProjects.sample("Sales").pack(tmp);
    byte[] withoutSecret =
        TestProjects.project("Plain")
            .parameters("- name: A\n  type: String\n  default: visible\n")
            .withPackage("Load", "")
            .pack(tmp);
    projects.deploy("Finance", withSecret);
    projects.deploy("Finance", withoutSecret);

    assertThat(storedArchive("Sales")).isNotEqualTo(withSecret);
    assertThat(new String(storedArchive("Sales"), StandardCharsets.ISO_8859_1))
        .doesNotContain("design-secret");
    assertThat(java.util.Arrays.copyOf(storedArchive("Sales"), 2))
        .as("not a zip: no PK header")
        .isNotEqualTo("PK".getBytes(StandardCharsets.US_ASCII));
    assertThat(storedArchive("Plain")).isEqualTo(withoutSecret);
    assertThat(projects.archive("Finance", "Sales", null)).isEqualTo(withSecret);
  }

  @Test
  void sensitiveDesignDefaultsAreEncryptedInTheParameterTable() {
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    var row =
        cut.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select design_default_value, design_default_secret from parameter"
                                + " where name = 'Password'")
                        .mapToMap()
                        .one());
    assertThat(row.get("design_default_value")).isNull();
    byte[] secret = (byte[]) row.get("design_default_secret");
    assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("design-secret");
    assertThat(cut.context().cipher().decrypt(secret)).isEqualTo("design-secret");
  }

  @Test
  void deleteRemovesTheProjectWithEverythingItOwns() {
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    projects.deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    projects.delete("Finance", "Sales");

    assertThat(projects.list("Finance")).isEmpty();
    assertThat(count("project_version") + count("package") + count("parameter")).isZero();
    assertThatThrownBy(() -> projects.get("Finance", "Sales"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo("project 'Sales' does not exist in folder 'Finance'");
              assertThat(e.hint())
                  .isEqualTo(
                      "list the projects with: sluice catalog projects list --folder Finance");
            });
  }

  @Test
  void projectLookupsNameAMissingFolderFirst() {
    assertThatThrownBy(() -> projects.versions("Nope", "Sales"))
        .hasMessage("folder 'Nope' does not exist");
    assertThatThrownBy(() -> projects.list("Nope")).hasMessage("folder 'Nope' does not exist");
  }

  private byte[] storedArchive(String project) {
    return cut.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select v.archive from project_version v join project p"
                            + " on p.current_version_id = v.version_id where p.name = :name")
                    .bind("name", project)
                    .mapTo(byte[].class)
                    .one());
  }

  private int count(String table) {
    return cut.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(int.class).one());
  }
}
