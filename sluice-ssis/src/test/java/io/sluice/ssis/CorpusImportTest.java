package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ssis.report.Coverage;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import io.sluice.ssis.xml.SafeXml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every package of the public corpus (datasets/ssis-packages) imports, and nothing of it is dropped
 * silently: each executable, connection manager, precedence constraint and variable of the XML is
 * an entry of the report.
 */
class CorpusImportTest {

  static Stream<Path> packages() throws IOException {
    return Corpus.files(".dtsx", 20).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void importsAndReportsEveryElement(Path dtsx) {
    ImportResult result = SsisImporter.importPackage(dtsx);

    assertThat(result.project().packages()).hasSize(1);
    Document doc = SafeXml.read(dtsx);
    List<ImportEntry> entries = result.report().entries();
    assertThat(count(doc, "Executable") - 1) // the package itself is one
        .as("tasks and containers in the report")
        .isEqualTo(
            entries.stream()
                .filter(e -> e.kind() == ElementKind.TASK || e.kind() == ElementKind.CONTAINER)
                .count());
    assertThat(count(doc, "PrecedenceConstraint"))
        .as("precedence constraints in the report")
        .isEqualTo(entries.stream().filter(e -> e.kind() == ElementKind.CONSTRAINT).count());
    assertThat(count(doc, "Variable"))
        .as("variables in the report")
        .isEqualTo(entries.stream().filter(e -> e.kind() == ElementKind.VARIABLE).count());
    assertThat(topLevelConnectionManagers(doc))
        .as("connection managers in the report")
        .isEqualTo(
            entries.stream()
                .filter(e -> e.kind() == ElementKind.CONNECTION && e.packageName() != null)
                .count());
    assertThat(count(doc, "PackageParameter"))
        .as("package parameters in the report")
        .isEqualTo(
            entries.stream()
                .filter(e -> e.kind() == ElementKind.PARAMETER && e.packageName() != null)
                .count());
    assertThat(count(doc, "EventHandler"))
        .as("event handlers in the report")
        .isEqualTo(entries.stream().filter(e -> e.kind() == ElementKind.EVENT_HANDLER).count());
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.path()).matches("\\\\(Package|Project)[.\\\\].*");
              if (e.outcome() != ImportEntry.Outcome.CONVERTED) {
                assertThat(e.note()).as("why, for %s", e.path()).isNotBlank();
              }
            });
  }

  /**
   * The whole corpus at once: its counts by kind and outcome, printed for docs/import-ssis.md (in
   * target/surefire-reports), and the shares this slice reaches, so a change that converts less is
   * noticed.
   */
  @org.junit.jupiter.api.Test
  void theCorpusConvertsTheShareThisSliceReaches() throws IOException {
    List<ImportEntry> all = new java.util.ArrayList<>();
    int packages = 0;
    for (Path dtsx : packages().toList()) {
      all.addAll(SsisImporter.importPackage(dtsx).report().entries());
      packages++;
    }
    var report = new io.sluice.ssis.report.ImportReport("corpus", all);
    StringBuilder summary = new StringBuilder("corpus: " + packages + " packages\n");
    for (ElementKind kind : ElementKind.values()) {
      summary.append(
          String.format(
              "%-14s converted %4d  placeholder %4d  left out %4d%n",
              kind,
              report.count(kind, ImportEntry.Outcome.CONVERTED),
              report.count(kind, ImportEntry.Outcome.PLACEHOLDER),
              report.count(kind, ImportEntry.Outcome.LEFT_OUT)));
    }
    summary.append("elements " + report.elements() + " converted " + report.converted());
    System.out.println(summary);

    assertThat(report.elements()).isEqualTo(all.stream().filter(e -> e.kind().counted()).count());
    Coverage coverage = Coverage.of(all);
    assertThat(coverage.elements()).isEqualTo(report.elements());
    assertThat(coverage.converted()).isEqualTo(report.converted());
    assertThat(coverage.tasksPct()).as(summary.toString()).isGreaterThanOrEqualTo(MIN_TASKS_PCT);
    assertThat(coverage.componentsPct())
        .as(summary.toString())
        .isGreaterThanOrEqualTo(MIN_COMPONENTS_PCT);
  }

  /**
   * What this slice converts of the corpus's tasks and containers (154 of 178, 86.5%): the rest are
   * Script tasks, Execute Package tasks whose child is not imported, tasks Sluice has no type for
   * and data flows with a component Sluice has not.
   */
  private static final long MIN_TASKS_PCT = 87;

  /**
   * What this slice converts of the corpus's data-flow components (94 of 98, 95.9%): the rest are
   * an Export Column, the 2 other components of its data flow, and a Script Component (Scanner's),
   * which is a stub to port and so not converted, though its data flow is.
   */
  private static final long MIN_COMPONENTS_PCT = 95;

  private static long count(Document doc, String localName) {
    return doc.getElementsByTagNameNS(Dts.NS, localName).getLength();
  }

  /** DTS:ConnectionManager elements that are managers, not their inner ObjectData part. */
  private static long topLevelConnectionManagers(Document doc) {
    NodeList all = doc.getElementsByTagNameNS(Dts.NS, "ConnectionManager");
    long n = 0;
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if ("ConnectionManagers".equals(e.getParentNode().getLocalName())) {
        n++;
      }
    }
    return n;
  }
}
