package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dtexec's {@code /SET} and {@code /CONNECTION}, and the SSIS catalog's execution property
 * overrides, applied to the model of a project before one of its packages runs. The same code
 * serves {@code sluice run} and the catalog's executions (the worker and server mode), so a path
 * means the same everywhere.
 *
 * <p>What a path may set, and to what in Sluice's model:
 *
 * <ul>
 *   <li>{@code \Package.Variables[User::X].Value} (or {@code .Properties[Value]}, or no property):
 *       the variable's value, checked against its type. A variable with an expression keeps it: the
 *       expression wins, as in SSIS.
 *   <li>{@code \Package.Variables[$Package::P]} and {@code [$Project::P]}: a parameter value
 *       (dtexec with {@code /Project}); it wins over every other value of that parameter for this
 *       run.
 *   <li>{@code \Package.Connections[C].Properties[ConnectionString]}: a jdbc connection's {@code
 *       url} (a JDBC URL), a flatFile connection's {@code file}, a file connection's {@code path};
 *       {@code UserName} and {@code Password} a jdbc connection's {@code user} and {@code
 *       password}; any other setting of the connection's type by its Sluice name. The package's
 *       connection of that name first, then the project's, as the run resolves the name. A property
 *       expression on the same setting still wins, as in SSIS.
 *   <li>{@code \Package\Container\Task.Properties[Disable]} and the task's settings by their Sluice
 *       or SSIS name ({@code SqlStatementSource}, {@code MaximumErrorCount}, ...).
 *   <li>{@code \Package\Loop.ForEachEnumerator.Properties[Directory]}: a Foreach loop's enumerator
 *       setting by its SSIS name ({@code Directory}, {@code FileSpec}, {@code Recurse}) or its
 *       Sluice name.
 *   <li>{@code \Package.Properties[MaxConcurrentExecutables]}.
 * </ul>
 *
 * Overrides apply in order, so a later one for the same path wins (dtexec's rule). Every problem is
 * collected, and none of a sensitive value's text is ever quoted in one. Each kind of target has
 * its own class: {@link VariableOverrides}, {@link ConnectionOverrides}, {@link TaskOverrides} and
 * {@link PackagePropertyOverrides}.
 */
public final class PropertyOverrides {

  private static final PropertyOverrides NONE = new PropertyOverrides(List.of());

  private final List<PropertyOverride> overrides;

  private PropertyOverrides(List<PropertyOverride> overrides) {
    this.overrides = List.copyOf(overrides);
  }

  public static PropertyOverrides none() {
    return NONE;
  }

  public static PropertyOverrides of(List<PropertyOverride> overrides) {
    return overrides.isEmpty() ? NONE : new PropertyOverrides(overrides);
  }

  public List<PropertyOverride> list() {
    return overrides;
  }

  public boolean isEmpty() {
    return overrides.isEmpty();
  }

  /**
   * The project with the overrides applied to package {@code packageName} (and to the project's
   * connections it names), and the parameter values they set, as text checked against each
   * parameter's type.
   *
   * @param notes what the user should know but does not stop the run: a value that a property
   *     expression replaces
   */
  public record Applied(
      Project project,
      Map<String, String> projectParameters,
      Map<String, String> packageParameters,
      List<String> notes) {}

  /**
   * @throws PropertyOverrideException listing every path that names nothing, a property Sluice
   *     cannot set, or a value of the wrong type, each with what is accepted
   */
  public Applied apply(Project project, String packageName) {
    PackageDefinition pkg = project.requirePackage(packageName);
    OverrideState state = new OverrideState(project, pkg);
    for (PropertyOverride o : overrides) {
      try {
        state.apply(o);
      } catch (IllegalArgumentException e) {
        state.problems.add(e.getMessage());
      }
    }
    if (!state.problems.isEmpty()) {
      throw new PropertyOverrideException(state.problems);
    }
    List<PackageDefinition> packages = new ArrayList<>(project.packages());
    packages.replaceAll(p -> p == pkg ? state.pkg : p);
    Project changed =
        new Project(
            project.name(),
            project.description(),
            project.parameters(),
            state.projectConnections,
            packages);
    return new Applied(
        changed,
        Map.copyOf(state.projectParameters),
        Map.copyOf(state.packageParameters),
        List.copyOf(state.notes));
  }

  /**
   * Whether {@code path} sets something that may hold a secret in {@code packageName}: a
   * connection's string or password, or a sensitive parameter. A catalog stores such a value
   * encrypted whatever the caller said. False when the path names nothing (apply says why).
   */
  public static boolean holdsSecret(Project project, String packageName, String path) {
    try {
      PropertyPath p = PropertyPath.parse(path);
      PackageDefinition pkg = project.findPackage(packageName).orElse(null);
      if (pkg == null || p.collection() == null) {
        return false;
      }
      if (p.collection().equals("Connections")) {
        return true;
      }
      if (p.collection().equals("Variables") && p.key().startsWith("$")) {
        List<ParameterDefinition> scope =
            p.key().regionMatches(true, 0, "$Project::", 0, 10)
                ? project.parameters()
                : pkg.parameters();
        String name = p.key().substring(p.key().indexOf("::") + 2);
        return scope.stream().anyMatch(d -> d.name().equalsIgnoreCase(name) && d.sensitive());
      }
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The credentials written inside a connection string or URL, to mask in messages: the values of
   * {@code password=} and {@code pwd=} (JDBC, ODBC and OLE DB spellings) and the password of {@code
   * //user:password@host}. The rest of the string stays readable in logs, so an operator still sees
   * which server a run used.
   */
  public static List<String> credentialsIn(String connectionString) {
    List<String> found = new ArrayList<>();
    String lower = connectionString.toLowerCase(Locale.ROOT);
    for (String key : List.of("password=", "pwd=")) {
      int from = 0;
      while ((from = lower.indexOf(key, from)) >= 0) {
        boolean startsKey = from == 0 || ";&?: ".indexOf(connectionString.charAt(from - 1)) >= 0;
        int start = from + key.length();
        int end = start;
        while (end < connectionString.length() && ";&".indexOf(connectionString.charAt(end)) < 0) {
          end++;
        }
        if (startsKey && end > start) {
          found.add(connectionString.substring(start, end));
        }
        from = end;
      }
    }
    int scheme = connectionString.indexOf("://");
    if (scheme >= 0) {
      int at = connectionString.indexOf('@', scheme + 3);
      int slash = connectionString.indexOf('/', scheme + 3);
      if (at > 0 && (slash < 0 || at < slash)) {
        String userInfo = connectionString.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        if (colon >= 0 && colon < userInfo.length() - 1) {
          found.add(userInfo.substring(colon + 1));
        }
      }
    }
    return found;
  }
}
