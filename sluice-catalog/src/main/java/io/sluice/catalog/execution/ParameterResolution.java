package io.sluice.catalog.execution;

import io.sluice.catalog.security.SecretCipher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Works out, when an execution starts, the value of every parameter of its project and package, in
 * SSIS's order: the execution's own value, else the server value (a literal, or the variable of the
 * execution's environment it refers to), else the design default.
 *
 * <p>As in SSIS, a <em>required</em> parameter does not take its design default: someone must give
 * it a value. Every parameter that cannot be resolved is collected, so the user learns all of them
 * at once. Sensitive values stay encrypted throughout: ciphertexts are copied, and a clear
 * environment value for a sensitive parameter is encrypted; nothing is decrypted here.
 */
final class ParameterResolution {

  /** A value to store for a parameter the user did not set on the execution. */
  record Value(
      int objectType,
      String name,
      String dataType,
      boolean required,
      boolean sensitive,
      String value,
      byte[] secret,
      String source) {}

  /** The values found, and why the others could not be found (empty when all is well). */
  record Outcome(List<Value> values, List<String> problems) {}

  private record Definition(
      int objectType,
      String name,
      String dataType,
      boolean required,
      boolean sensitive,
      String designDefaultValue,
      byte[] designDefaultSecret,
      String valueType,
      String serverValue,
      byte[] serverValueSecret,
      String referencedVariable) {}

  private record Variable(
      String name, String dataType, boolean sensitive, String value, byte[] secret) {}

  private final Handle handle;
  private final SecretCipher cipher;

  ParameterResolution(Handle handle, SecretCipher cipher) {
    this.handle = handle;
    this.cipher = cipher;
  }

  Outcome resolve(Execution execution) {
    Set<String> setByUser = valuesSetOnExecution(execution.executionId());
    Optional<Map<String, Variable>> environment = environmentVariables(execution);
    List<Value> values = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Definition parameter : definitions(execution)) {
      if (setByUser.contains(key(parameter.objectType(), parameter.name()))) {
        continue;
      }
      String label = label(parameter);
      if ("V".equals(parameter.valueType())
          && (parameter.serverValue() != null || parameter.serverValueSecret() != null)) {
        values.add(
            value(parameter, parameter.serverValue(), parameter.serverValueSecret(), "SERVER"));
      } else if ("R".equals(parameter.valueType())) {
        Optional<String> problem = problemWithReference(execution, parameter, environment, label);
        if (problem.isPresent()) {
          problems.add(problem.get());
        } else {
          Variable variable = environment.orElseThrow().get(parameter.referencedVariable());
          values.add(value(parameter, variable.value(), variable.secret(), "ENVIRONMENT"));
        }
      } else if (parameter.required()) {
        problems.add(label + " is required and has no value");
      } else {
        values.add(
            value(
                parameter,
                parameter.designDefaultValue(),
                parameter.designDefaultSecret(),
                "DESIGN"));
      }
    }
    return new Outcome(values, problems);
  }

  /**
   * Why a parameter's reference to an environment variable cannot give it a value, if it cannot.
   */
  private Optional<String> problemWithReference(
      Execution execution,
      Definition parameter,
      Optional<Map<String, Variable>> environment,
      String label) {
    String variableName = parameter.referencedVariable();
    if (execution.environmentName() == null) {
      return Optional.of(
          label
              + " refers to environment variable "
              + variableName
              + " but the execution has no environment reference");
    }
    String environmentName = execution.environmentFolderName() + "/" + execution.environmentName();
    if (environment.isEmpty()) {
      return Optional.of(
          label + " refers to environment " + environmentName + ", which does not exist");
    }
    Variable variable = environment.get().get(variableName);
    if (variable == null) {
      return Optional.of(
          label
              + " refers to variable "
              + variableName
              + ", which environment "
              + environmentName
              + " does not have");
    }
    if (!variable.dataType().equalsIgnoreCase(parameter.dataType())) {
      return Optional.of(
          label
              + " is "
              + parameter.dataType()
              + " but environment variable "
              + variableName
              + " is "
              + variable.dataType());
    }
    if (variable.sensitive() && !parameter.sensitive()) {
      return Optional.of(
          label
              + " is not sensitive but environment variable "
              + variableName
              + " is: a sensitive value may only go to a sensitive parameter");
    }
    if (parameter.required() && variable.value() == null && variable.secret() == null) {
      return Optional.of(
          label + " is required but environment variable " + variableName + " has no value");
    }
    return Optional.empty();
  }

  private List<Definition> definitions(Execution execution) {
    return handle
        .createQuery(
            """
            select object_type, name, data_type, required, sensitive,
                   design_default_value, design_default_secret,
                   value_type, server_value, server_value_secret, referenced_variable
            from parameter
            where version_id = :versionId
              and (object_type = 20 or (object_type = 30 and object_name = :packageName))
            order by object_type, name
            """)
        .bind("versionId", execution.projectVersionId())
        .bind("packageName", execution.packageName())
        .map(
            (rs, ctx) ->
                new Definition(
                    rs.getInt("object_type"),
                    rs.getString("name"),
                    rs.getString("data_type"),
                    rs.getBoolean("required"),
                    rs.getBoolean("sensitive"),
                    rs.getString("design_default_value"),
                    rs.getBytes("design_default_secret"),
                    rs.getString("value_type"),
                    rs.getString("server_value"),
                    rs.getBytes("server_value_secret"),
                    rs.getString("referenced_variable")))
        .list();
  }

  private Set<String> valuesSetOnExecution(long executionId) {
    return new HashSet<>(
        handle
            .createQuery(
                """
                select object_type, parameter_name from execution_parameter_value
                where execution_id = :executionId and source = 'EXECUTION'
                """)
            .bind("executionId", executionId)
            .map((rs, ctx) -> key(rs.getInt("object_type"), rs.getString("parameter_name")))
            .list());
  }

  /** The variables of the execution's environment; empty if it has none or it is gone. */
  private Optional<Map<String, Variable>> environmentVariables(Execution execution) {
    if (execution.environmentName() == null) {
      return Optional.empty();
    }
    Optional<Long> environmentId =
        handle
            .createQuery(
                """
                select e.environment_id
                from environment e
                join folder f on f.folder_id = e.folder_id
                where f.name = :folder and e.name = :environment
                """)
            .bind("folder", execution.environmentFolderName())
            .bind("environment", execution.environmentName())
            .mapTo(Long.class)
            .findOne();
    if (environmentId.isEmpty()) {
      return Optional.empty();
    }
    // Variable names match without regard to case, as in the catalog's tables (V35).
    Map<String, Variable> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    handle
        .createQuery(
            """
            select name, data_type, sensitive, value, value_secret
            from environment_variable
            where environment_id = :environmentId
            """)
        .bind("environmentId", environmentId.get())
        .map(
            (rs, ctx) ->
                new Variable(
                    rs.getString("name"),
                    rs.getString("data_type"),
                    rs.getBoolean("sensitive"),
                    rs.getString("value"),
                    rs.getBytes("value_secret")))
        .forEach(variable -> variables.put(variable.name(), variable));
    return Optional.of(variables);
  }

  private Value value(Definition parameter, String value, byte[] secret, String source) {
    String clear = parameter.sensitive() ? null : value;
    byte[] sealed = null;
    if (parameter.sensitive()) {
      // A sensitive parameter keeps only ciphertext: a clear value (from a variable that is not
      // sensitive) is encrypted here, never stored as is.
      sealed = secret != null ? secret : value == null ? null : cipher.encrypt(value);
    }
    boolean set = clear != null || sealed != null;
    return new Value(
        parameter.objectType(),
        parameter.name(),
        parameter.dataType(),
        parameter.required(),
        parameter.sensitive(),
        clear,
        sealed,
        set ? source : null);
  }

  static String key(int objectType, String name) {
    return objectType + "/" + name;
  }

  private static String label(Definition parameter) {
    return (parameter.objectType() == Executions.PROJECT_PARAMETER ? "project" : "package")
        + " parameter "
        + parameter.name();
  }
}
