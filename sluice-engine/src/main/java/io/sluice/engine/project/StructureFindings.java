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
      Node at = node(owner, finding.list(), finding.item(), finding.path());
      if (at == null) {
        owner.problemHere(finding.message());
      } else {
        owner.problem(at, finding.message());
      }
    }
  }

  /**
   * The node a finding's place leads to: within item {@code item} (1-based) of list setting {@code
   * list} of {@code owner}, as far as {@code path} can be followed; null when the list or item is
   * not there (the problem is then the owner's as a whole).
   */
  static Node node(YamlMap owner, String list, int item, List<Object> path) {
    if (list != null
        && owner.raw(list) instanceof SequenceNode sequence
        && item >= 1
        && item <= sequence.getValue().size()) {
      return within(sequence.getValue().get(item - 1), path);
    }
    return null;
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
