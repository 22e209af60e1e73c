package io.sluice.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of a Script Component's typed accessors, made as SSIS makes its property names, and the
 * names refused. Public so that the SSIS importer names a stub's accessors exactly as {@link
 * TypedBuffers} will generate them (and knows beforehand which columns would be refused), with this
 * one copy of the rules; it runs no script and loads nothing.
 */
public final class AccessorNames {

  private AccessorNames() {}

  /** A column or output name that cannot become an accessor; the message names it and the fix. */
  public static final class NamingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NamingException(String message) {
      super(message);
    }
  }

  /**
   * A column's or output's accessor name, SSIS's way: only letters, digits and {@code _} are kept,
   * the first letter is made upper case, a leading digit gets {@code _} before it ({@code Order
   * Date} → {@code OrderDate}, {@code 2024 Total} → {@code _2024Total}).
   *
   * @param what the name's owner in a message, e.g. {@code column 'x' of Input0Buffer}
   * @throws NamingException when no letter or digit is left
   */
  public static String of(String name, String what) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (Character.isLetterOrDigit(cp) || cp == '_') {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if (b.length() == 0 || b.toString().chars().allMatch(c -> c == '_')) {
      throw new NamingException(
          what
              + " has no letter or digit to make an accessor name from; rename it upstream, or"
              + " read it by name (row.byName().get(\""
              + name
              + "\"))");
    }
    if (Character.isDigit(b.codePointAt(0))) {
      b.insert(0, '_');
    }
    int first = b.codePointAt(0);
    String rest = b.substring(Character.charCount(first));
    return new String(Character.toChars(Character.toUpperCase(first))) + rest;
  }

  /**
   * The accessor name of each column of one buffer ({@code getX()} ...), in order.
   *
   * @param buffer the buffer's class in messages ({@code Input0Buffer}, {@code WeekendsBuffer})
   * @throws NamingException for two columns that make the same name ignoring case, a name with no
   *     letter or digit, and {@code Class} (its getter would be Java's {@code getClass()})
   */
  public static List<String> ofColumns(List<String> columns, String buffer) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String name = of(column, "column '" + column + "' of " + buffer);
      if (name.equals("Class")) {
        throw new NamingException(
            "column '"
                + column
                + "' of "
                + buffer
                + " would have the getter getClass(), which is Java's own; rename it upstream,"
                + " or read it by name (row.byName().get(\""
                + column
                + "\"))");
      }
      for (int j = 0; j < i; j++) {
        if (names.get(j).equalsIgnoreCase(name)) {
          throw new NamingException(
              "columns '"
                  + columns.get(j)
                  + "' and '"
                  + column
                  + "' of "
                  + buffer
                  + " both make the accessor name "
                  + name
                  + " (get"
                  + name
                  + "()); rename one upstream (e.g. in a Derived Column), or read them by name"
                  + " (row.byName().get(\""
                  + column
                  + "\"))");
        }
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The name each output of {@code outputs:} gives its buffer ({@code Odd Rows} → {@code OddRows}:
   * class {@code OddRowsBuffer}, field {@code oddRowsBuffer}, {@code directRowToOddRows()}).
   *
   * @throws NamingException for a name that makes {@code Input0} or {@code Output0} (the default
   *     buffers'), or the name of another output, ignoring case
   */
  public static List<String> ofOutputs(List<String> outputs) {
    List<String> names = new ArrayList<>();
    // Output0 is the default output's, also where it is synchronous (directRowToOutput0)
    List<String> taken = new ArrayList<>(List.of("Input0", "Output0"));
    for (String output : outputs) {
      String name = of(output, "output '" + output + "'");
      for (String t : taken) {
        if (t.equalsIgnoreCase(name)) {
          throw new NamingException(
              "output '"
                  + output
                  + "' makes the class name "
                  + name
                  + "Buffer, which another output or Input0Buffer has; rename the output");
        }
      }
      taken.add(name);
      names.add(name);
    }
    return names;
  }
}
