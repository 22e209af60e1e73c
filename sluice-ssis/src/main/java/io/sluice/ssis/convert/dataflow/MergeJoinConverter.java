package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Merge Join to {@code MergeJoin}: join type, the keys (the first NumKeyColumns sort keys of each
 * input, as SSIS takes them), and the output columns. SSIS names output columns freely (a left and
 * a right column often both come from {@code Id}, as {@code IdSRC} and {@code IdDST}); the engine
 * keeps input names, so those columns are renamed before the join.
 */
final class MergeJoinConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("MergeJoin");
    if (c.inputs.size() != 2) {
      throw new FlowContext.NotConvertible("it has " + c.inputs.size() + " inputs, not two");
    }
    out.put(
        "joinType",
        switch (c.property("JoinType", "2").trim()) {
          case "0" -> "full";
          case "1" -> "left";
          default -> "inner";
        });
    int keyCount = Integer.parseInt(c.property("NumKeyColumns", "1").trim());
    List<List<String>> sides = new ArrayList<>();
    for (SsisComponent.Port in : c.inputs) {
      SsisComponent.Port upstream =
          f.upstream(in.refId())
              .orElseThrow(
                  () -> new FlowContext.NotConvertible("its input " + in.name() + " has no path"));
      List<String> keys =
          Sortedness.of(upstream, f)
              .orElseThrow(
                  () ->
                      new FlowContext.NotConvertible(
                          "its input " + in.name() + " is not sorted (IsSorted)"));
      if (keys.size() < keyCount) {
        throw new FlowContext.NotConvertible(
            "its input " + in.name() + " is sorted by fewer than " + keyCount + " columns");
      }
      sides.add(keys.subList(0, keyCount).stream().map(k -> k.replaceFirst(" desc$", "")).toList());
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    for (int k = 0; k < keyCount; k++) {
      Map<String, Object> key = new LinkedHashMap<>();
      key.put("left", sides.get(0).get(k));
      key.put("right", sides.get(1).get(k));
      keys.add(key);
    }
    out.put("keys", keys);
    Map<String, Integer> inputOf = new HashMap<>();
    Map<String, String> nameOf = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      for (Element col : c.inputs.get(i).columns()) {
        String id =
            col.getAttribute("refId").isEmpty()
                ? col.getAttribute("id")
                : col.getAttribute("refId");
        inputOf.put(id, i);
        nameOf.put(id, f.inputColumn(col));
      }
    }
    List<List<String>> selected = List.of(new ArrayList<>(), new ArrayList<>());
    for (Element o : c.dataOutputs().get(0).columns()) {
      String ref = SsisComponent.properties(o).getOrDefault("InputColumnID", "").trim();
      if (ref.startsWith("#{") && ref.endsWith("}")) {
        ref = ref.substring(2, ref.length() - 1);
      } else if (ref.startsWith("#")) {
        ref = ref.substring(1);
      }
      Integer side = inputOf.get(ref);
      if (side == null) {
        throw new FlowContext.NotConvertible(
            "its output column " + o.getAttribute("name") + " comes from no input column");
      }
      String name = o.getAttribute("name");
      String from = nameOf.get(ref);
      if (!name.equalsIgnoreCase(from)) {
        out.inputRenames.computeIfAbsent(side, s -> new LinkedHashMap<>()).put(name, from);
      }
      selected.get(side).add(name);
    }
    out.put("leftColumns", selected.get(0));
    out.put("rightColumns", selected.get(1));
    if (Boolean.parseBoolean(c.property("TreatNullsAsEqual", "false").trim())) {
      out.unhonoured.put(
          "TreatNullsAsEqual", "Sluice's Merge Join never matches NULL keys (SSIS matched them)");
    }
    return out;
  }
}
