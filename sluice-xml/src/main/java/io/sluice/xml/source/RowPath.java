package io.sluice.xml.source;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.util.List;

/**
 * The paths XmlSource takes: the row element's absolute path ({@code /rates/rate}, local names, any
 * namespace) or {@code //rate} (that element at any depth, outside another row), and each column's
 * path relative to it: {@code name} (a child element's text), {@code a/b} (a descendant's),
 * {@code @id} or {@code a/@id} (an attribute), {@code .} (the row element's own text).
 */
final class RowPath {

  private RowPath() {}

  static List<String> parse(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("///")
        || path.endsWith("/")
        || path.equals("//")) {
      throw new PlanningException(
          "rowPath '"
              + path
              + "' is not an absolute path of elements; write e.g. /rates/rate (local names), or"
              + " //rate for that element at any depth");
    }
    boolean anywhere = path.startsWith("//");
    List<String> steps = List.of(path.substring(anywhere ? 2 : 1).split("/"));
    for (String step : steps) {
      if (!step.matches("[\\p{L}_][\\p{L}\\p{N}._-]*")) {
        throw new PlanningException(
            "rowPath '" + path + "': '" + step + "' is not an element name");
      }
    }
    if (anywhere) {
      List<String> marked = new java.util.ArrayList<>();
      marked.add(ANYWHERE);
      marked.addAll(steps);
      return List.copyOf(marked);
    }
    return steps;
  }

  /** The first step of a {@code //name} path: the steps after it may start at any depth. */
  static final String ANYWHERE = "";

  /** Whether the open elements {@code stack} are a row element of {@code rowPath}. */
  static boolean matches(List<String> rowPath, List<String> stack) {
    if (!rowPath.isEmpty() && rowPath.get(0).equals(ANYWHERE)) {
      int n = rowPath.size() - 1;
      return stack.size() >= n
          && stack.subList(stack.size() - n, stack.size()).equals(rowPath.subList(1, n + 1));
    }
    return stack.equals(rowPath);
  }

  /** A column's path, normalised: "" for the row element's own text, "a/b", "a/@id", "@id". */
  static String relative(String path, String what) {
    String p = path.strip();
    if (p.equals(".")) {
      return "";
    }
    if (p.startsWith("./")) {
      p = p.substring(2);
    }
    String[] steps = p.split("/", -1);
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      boolean attribute = step.startsWith("@") && i == steps.length - 1;
      String name = attribute ? step.substring(1) : step;
      if (!name.matches("[\\p{L}_][\\p{L}\\p{N}._-]*")) {
        throw new PlanningException(
            what
                + ": path '"
                + path
                + "' is not a path below the row element; write name, a/b, @id, a/@id or .");
      }
    }
    return p;
  }
}
