package io.sluice.engine.project;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
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
        at = within(list.getValue().get(finding.item() - 1), finding.path());
      }
      if (at == null) {
        owner.problemHere(finding.message());
      } else {
        owner.problem(at, finding.message());
      }
    }
  }

  /**
   * The node {@code path} leads to from {@code item}: a key's own node for a key (where the user
   * wrote the name), an element for a 1-based position; as far as the path can be followed.
   */
  private static Node within(Node item, List<Object> path) {
    Node at = item;
    for (int i = 0; i < path.size(); i++) {
      Object step = path.get(i);
      boolean last = i == path.size() - 1;
      Node next = null;
      if (step instanceof String key && at instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            next = last ? k : tuple.getValueNode();
          }
        }
      } else if (step instanceof Integer position
          && at instanceof SequenceNode sequence
          && position >= 1
          && position <= sequence.getValue().size()) {
        next = sequence.getValue().get(position - 1);
      }
      if (next == null) {
        return at;
      }
      at = next;
    }
    return at;
  }
}
