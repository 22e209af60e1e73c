package io.sluice.engine.dataflow.transform.charmap;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Character Map operation, with the LCMapString flag SSIS stores for it in a column's MapFlags.
 * Those the JDK cannot do as Windows does are refused at validation, never approximated.
 */
enum Operation {
  LOWERCASE("lowercase", 0x100, null),
  UPPERCASE("uppercase", 0x200, null),
  BYTE_REVERSAL("byteReversal", 0x800, null),
  HIRAGANA("hiragana", 0x100000, null),
  KATAKANA("katakana", 0x200000, null),
  HALF_WIDTH("halfWidth", 0x400000, null),
  FULL_WIDTH("fullWidth", 0x800000, null),
  LINGUISTIC_CASING(
      "linguisticCasing",
      0x1000000,
      "Windows' locale-specific casing tables, which the JDK's casing does not match"),
  SIMPLIFIED_CHINESE(
      "simplifiedChinese",
      0x2000000,
      "a Traditional to Simplified Chinese table, which the JDK has not"),
  TRADITIONAL_CHINESE(
      "traditionalChinese",
      0x4000000,
      "a Simplified to Traditional Chinese table, which the JDK has not");

  /** The name written in YAML. */
  final String written;

  /** SSIS's MapFlags bit (the Win32 LCMAP_ flag). */
  final int flag;

  /** Why Sluice refuses it, or null when it is supported. */
  final String unsupported;

  Operation(String written, int flag, String unsupported) {
    this.written = written;
    this.flag = flag;
    this.unsupported = unsupported;
  }

  /** Pairs SSIS refuses on one column (its page's table of mutually exclusive operations). */
  private static final List<Set<Operation>> EXCLUSIVE =
      List.of(
          EnumSet.of(LOWERCASE, UPPERCASE),
          EnumSet.of(HIRAGANA, KATAKANA),
          EnumSet.of(HALF_WIDTH, FULL_WIDTH),
          EnumSet.of(TRADITIONAL_CHINESE, SIMPLIFIED_CHINESE),
          EnumSet.of(LOWERCASE, HIRAGANA),
          EnumSet.of(LOWERCASE, KATAKANA),
          EnumSet.of(LOWERCASE, HALF_WIDTH),
          EnumSet.of(LOWERCASE, FULL_WIDTH),
          EnumSet.of(UPPERCASE, HIRAGANA),
          EnumSet.of(UPPERCASE, KATAKANA),
          EnumSet.of(UPPERCASE, HALF_WIDTH),
          EnumSet.of(UPPERCASE, FULL_WIDTH));

  /** Reads {@code [lowercase, full width]}: names compare ignoring case, spaces and underscores. */
  static EnumSet<Operation> parse(List<String> written, String column) {
    EnumSet<Operation> operations = EnumSet.noneOf(Operation.class);
    for (String w : written) {
      Operation op = byName(w, column);
      if (op.unsupported != null) {
        throw new PlanningException(
            "column '"
                + column
                + "': operation '"
                + op.written
                + "' is not supported by Sluice (it needs "
                + op.unsupported
                + "); use a ScriptComponent or do it in the database");
      }
      operations.add(op);
    }
    if (operations.isEmpty()) {
      throw new PlanningException(
          "column '" + column + "' needs 'operations', some of " + supportedNames());
    }
    for (Set<Operation> pair : EXCLUSIVE) {
      if (operations.containsAll(pair)) {
        throw new PlanningException(
            "column '"
                + column
                + "': operations "
                + pair.stream().map(o -> o.written).collect(Collectors.joining(" and "))
                + " exclude each other (as in SSIS); map them into two columns");
      }
    }
    return operations;
  }

  /** From SSIS's MapFlags (the importer); unknown bits are refused by the caller. */
  static EnumSet<Operation> fromFlags(int flags) {
    EnumSet<Operation> operations = EnumSet.noneOf(Operation.class);
    for (Operation op : values()) {
      if ((flags & op.flag) != 0) {
        operations.add(op);
      }
    }
    return operations;
  }

  private static Operation byName(String written, String column) {
    String key = normal(written);
    for (Operation op : values()) {
      if (normal(op.written).equals(key) || normal(op.name()).equals(key)) {
        return op;
      }
    }
    throw new PlanningException(
        "column '"
            + column
            + "': operation '"
            + written
            + "' is unknown; use some of "
            + supportedNames());
  }

  private static String normal(String text) {
    return text.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  static String supportedNames() {
    return Arrays.stream(values())
        .filter(o -> o.unsupported == null)
        .map(o -> o.written)
        .collect(Collectors.joining(", "));
  }
}
