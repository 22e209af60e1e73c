package io.sluice.engine.project;

import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/**
 * SSIS's rule for sensitive parameters: a sensitive value may only go where it stays sensitive. An
 * expression that reads a sensitive parameter is refused unless its result is itself sensitive
 * (SSIS: DTS_E_EXPRSENSITIVEPARAMVALUENOTALLOWED, "The expression will not be evaluated because it
 * contains sensitive parameter variable"), and a sensitive parameter bound to a child package's
 * parameter that is not sensitive is refused (DTS_E_TKEXECPACKAGE_REQUIRESENSITIVEPARAMETER).
 * Without the rule, {@code @[User::Copy] = "got:" + @[$Project::Secret]} copies a secret into a
 * variable, and from there into every message that shows it.
 *
 * <p>What may hold a sensitive value, in Sluice as in SSIS: a jdbc connection's {@code password}
 * (its expression), a sensitive parameter of a child package (an ExecutePackage binding), and, a
 * Sluice addition, the standard input of an ExecuteProcess task (never logged; the way programs
 * take secrets, as {@code docker login --password-stdin} does). Variables, task properties, other
 * connection settings, precedence constraints, loop expressions, data-flow columns, conditions and
 * query parameters may not: each is refused when the project is validated, naming the parameter,
 * the expression and where it is written. The run applies the same rule again (VariableSlots and
 * Variables in the runtime) for what only resolves then.
 */
final class SensitiveParameterRule {

  /** What the user can do instead, for every refusal. */
  static final String HINT =
      "a sensitive parameter may only set what is itself sensitive: a jdbc, smtp, ftp, sftp or"
          + " http connection's password expression (an http connection's token too), a sensitive"
          + " parameter of a child package, or an ExecuteProcess task's"
          + " standardInputVariable (SSIS refuses the same)";

  private final List<ParameterDefinition> projectParameters;
  private final List<ParameterDefinition> packageParameters;

  /**
   * @param packageParameters empty for what project.yaml holds (shared connections)
   */
  SensitiveParameterRule(
      List<ParameterDefinition> projectParameters, List<ParameterDefinition> packageParameters) {
    this.projectParameters = projectParameters;
    this.packageParameters = packageParameters;
  }

  /** The sensitive parameters {@code expression} reads, as {@code $Project::Name}. */
  List<String> readBy(String expression) {
    List<String> found = new ArrayList<>();
    for (Reference r : Expression.referencesIn(expression)) {
      String name = sensitive(r.namespace(), r.name());
      if (name != null && !found.contains(name)) {
        found.add(name);
      }
    }
    return found;
  }

  /**
   * Whether a reference written as a name ({@code $Project::Secret}, or unqualified {@code Secret})
   * is a sensitive parameter; returns it qualified, or null.
   */
  String sensitiveReference(String reference) {
    if (reference == null) {
      return null;
    }
    int separator = reference.indexOf("::");
    return separator < 0
        ? sensitive(null, reference)
        : sensitive(reference.substring(0, separator), reference.substring(separator + 2));
  }

  /**
   * Reports {@code expression} (written at {@code node} of {@code at}) if it reads a sensitive
   * parameter: its result, {@code where} ("the value of variable User::Copy"), is not sensitive.
   */
  void refuse(YamlMap at, Node node, String expression, String where) {
    for (String parameter : readBy(expression)) {
      if (node == null) {
        at.problemHere(refusal(parameter, expression, where));
      } else {
        at.problem(node, refusal(parameter, expression, where));
      }
    }
  }

  static String refusal(String parameter, String expression, String where) {
    return "sensitive parameter "
        + parameter
        + " is used in expression \""
        + expression
        + "\", which sets "
        + where
        + ", and that is not sensitive: "
        + HINT;
  }

  /**
   * The qualified name of the sensitive parameter a reference names, or null. An unqualified name
   * counts when a sensitive parameter has it (the run would refuse it as ambiguous if a variable
   * had it too).
   */
  private String sensitive(String namespace, String name) {
    boolean anyNamespace = namespace == null;
    if (anyNamespace || namespace.equalsIgnoreCase("$Package")) {
      if (isSensitive(packageParameters, name)) {
        return "$Package::" + canonical(packageParameters, name);
      }
    }
    if (anyNamespace || namespace.equalsIgnoreCase("$Project")) {
      if (isSensitive(projectParameters, name)) {
        return "$Project::" + canonical(projectParameters, name);
      }
    }
    return null;
  }

  private static boolean isSensitive(List<ParameterDefinition> parameters, String name) {
    return parameters.stream().anyMatch(p -> p.sensitive() && p.name().equalsIgnoreCase(name));
  }

  private static String canonical(List<ParameterDefinition> parameters, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return parameters.stream()
        .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(key))
        .findFirst()
        .map(ParameterDefinition::name)
        .orElse(name);
  }
}
