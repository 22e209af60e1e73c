package io.sluice.engine.project;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reports what a {@link StructureCheck} found at the place in the file it is about. */
final class StructureFindings {

  private StructureFindings() {}

  static void report(YamlMap owner, List<StructureCheck.Finding> findings) {
    for (StructureCheck.Finding finding : findings) {
      Node at = null;
      if (finding.list() != null
          && owner.raw(finding.list()) instanceof SequenceNode list
          && finding.item() >= 1
          && finding.item() <= list.getValue().size()) {
        at = list.getValue().get(finding.item() - 1);
      }
      if (at == null) {
        owner.problemHere(finding.message());
      } else {
        owner.problem(at, finding.message());
      }
    }
  }
}
