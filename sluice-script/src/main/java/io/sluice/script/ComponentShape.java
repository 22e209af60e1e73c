package io.sluice.script;

import io.sluice.api.component.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Script Component's generated typed accessors are made from: its role, its input's columns
 * (known only where the flow runs) and the columns and outputs it declares.
 *
 * @param kind null when not known (validation, without {@code role:}): then the sources have what
 *     every role could use
 * @param inputKnown false at validation, where the input's columns come from upstream components
 *     that are not planned: {@code Input0Buffer} then has only the declared columns
 */
record ComponentShape(
    io.sluice.api.component.ComponentKind kind,
    boolean inputKnown,
    List<Col> input,
    List<Col> outputColumns,
    List<Out> outputs) {

  /**
   * A column and, for a string, its declared length (0: unlimited).
   *
   * @param ssisType as written in messages, e.g. {@code DT_WSTR(50)}
   */
  record Col(String name, ColumnType type, int maxLength, String ssisType) {

    private static final Pattern LENGTH = Pattern.compile("^DT_(?:WSTR|STR)\\s*[(,]\\s*(\\d+)");

    /**
     * A column of an SSIS type as Sluice writes it ({@code DT_WSTR(50)}, {@code DT_STR(3,1252)}).
     */
    static Col of(String name, ColumnType type, String ssisType) {
      Matcher m = LENGTH.matcher(ssisType.toUpperCase(Locale.ROOT));
      return new Col(name, type, m.find() ? Integer.parseInt(m.group(1)) : 0, ssisType);
    }
  }

  /** An output declared in {@code outputs:}; a synchronous one has no columns of its own. */
  record Out(String name, boolean synchronous, List<Col> columns) {}

  /** Whether the default output's rows are the script's own (a source's {@code Output0Buffer}). */
  boolean defaultOutputAsync() {
    return kind == null || kind == io.sluice.api.component.ComponentKind.SOURCE;
  }

  /** The synchronous outputs, the default first, when there is more than one (DirectRowTo...). */
  List<String> directable() {
    if (kind == io.sluice.api.component.ComponentKind.SOURCE
        || kind == io.sluice.api.component.ComponentKind.DESTINATION) {
      return List.of();
    }
    List<String> names = new java.util.ArrayList<>();
    names.add("Output");
    for (Out o : outputs) {
      if (o.synchronous()) {
        names.add(o.name());
      }
    }
    return names.size() > 1 ? names : List.of();
  }
}
