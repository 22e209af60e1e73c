package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Character Map to {@code CharacterMap}: an input column with MapFlags is mapped in place, an
 * output column with MapFlags and InputColumnLineageId is a new column. MapFlags is the Win32
 * LCMapString flag set SSIS stores; each bit becomes the engine's operation name (the engine
 * refuses those it cannot do, linguistic casing and the Chinese tables, with the reason).
 */
final class CharacterMapConverter implements ComponentConverter {

  /** LCMAP_ flags and the engine's names for them. */
  private static final Map<Integer, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put(0x100, "lowercase");
    FLAGS.put(0x200, "uppercase");
    FLAGS.put(0x800, "byteReversal");
    FLAGS.put(0x100000, "hiragana");
    FLAGS.put(0x200000, "katakana");
    FLAGS.put(0x400000, "halfWidth");
    FLAGS.put(0x800000, "fullWidth");
    FLAGS.put(0x1000000, "linguisticCasing");
    FLAGS.put(0x2000000, "simplifiedChinese");
    FLAGS.put(0x4000000, "traditionalChinese");
  }

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("CharacterMap");
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element in : c.inputs.isEmpty() ? List.<Element>of() : c.inputs.get(0).columns()) {
      String flags = SsisComponent.properties(in).get("MapFlags");
      if (flags != null && !flags.isBlank()) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("input", f.inputColumn(in));
        col.put("operations", operations(flags, col.get("input")));
        disposition(in, col);
        columns.add(col);
      }
    }
    for (Element o : c.dataOutputs().get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(o);
      String source = p.get("InputColumnLineageId");
      if (source == null || source.isBlank()) {
        throw new FlowContext.NotConvertible(
            "its column " + o.getAttribute("name") + " names no input column");
      }
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("input", f.columnReference(source));
      col.put("operations", operations(p.getOrDefault("MapFlags", "0"), o.getAttribute("name")));
      col.put("output", o.getAttribute("name"));
      disposition(o, col);
      columns.add(col);
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible("it maps no column");
    }
    out.put("columns", columns);
    return out;
  }

  /**
   * A mapping fails a row only by truncation: its truncation disposition is the one that counts.
   */
  private static void disposition(Element column, Map<String, Object> col) {
    String onTruncation = FlowContext.onError(column.getAttribute("truncationRowDisposition"));
    String onError = FlowContext.onError(column.getAttribute("errorRowDisposition"));
    String chosen = onTruncation != null ? onTruncation : onError;
    if (chosen != null) {
      col.put("onError", chosen);
    }
  }

  private static List<String> operations(String written, Object column) {
    int flags;
    try {
      flags = Integer.parseInt(written.trim());
    } catch (NumberFormatException e) {
      throw new FlowContext.NotConvertible("column " + column + " has MapFlags " + written);
    }
    List<String> operations = new ArrayList<>();
    int known = 0;
    for (Map.Entry<Integer, String> e : FLAGS.entrySet()) {
      if ((flags & e.getKey()) != 0) {
        operations.add(e.getValue());
        known |= e.getKey();
      }
    }
    for (String refused : List.of("linguisticCasing", "simplifiedChinese", "traditionalChinese")) {
      if (operations.contains(refused)) {
        throw new FlowContext.NotConvertible(
            "column "
                + column
                + " uses "
                + refused
                + ", which Sluice does not do (it needs Windows' tables)",
            "port the mapping to a ScriptComponent or to the database");
      }
    }
    if (operations.isEmpty() || (flags & ~known) != 0) {
      throw new FlowContext.NotConvertible(
          "column " + column + " has MapFlags " + written + ", which names no known operation");
    }
    return operations;
  }
}
