package io.sluice.engine.expression;

/**
 * A name an expression refers to, as written: {@code @[User::Count]} is a variable with namespace
 * {@code User}; {@code @Count} a variable without namespace (null); {@code @[$Project::Server]} a
 * parameter with namespace {@code $Project}; {@code [Last Name]} a column.
 */
public record Reference(Kind kind, String namespace, String name) {

  /** What a name denotes. */
  public enum Kind {
    VARIABLE,
    PARAMETER,
    COLUMN
  }

  public static Reference variable(String namespace, String name) {
    return new Reference(Kind.VARIABLE, namespace, name);
  }

  public static Reference parameter(String namespace, String name) {
    return new Reference(Kind.PARAMETER, namespace, name);
  }

  /**
   * The variable or parameter a {@code VARIABLE} token names: {@code @[User::Count]},
   * {@code @Count} or {@code @[$Project::Server]}.
   */
  static Reference ofToken(String token) {
    String written = token.substring(1);
    String name = written.startsWith("[") ? written.substring(1, written.length() - 1) : written;
    int separator = name.indexOf("::");
    String namespace = separator < 0 ? null : name.substring(0, separator);
    String local = separator < 0 ? name : name.substring(separator + 2);
    return namespace != null && namespace.startsWith("$")
        ? parameter(namespace, local)
        : variable(namespace, local);
  }

  public static Reference column(String name) {
    return new Reference(Kind.COLUMN, null, name);
  }

  /** The name with its namespace, e.g. {@code User::Count} or {@code Last Name}. */
  public String qualifiedName() {
    return namespace == null ? name : namespace + "::" + name;
  }

  /** The reference as an expression writes it, e.g. {@code @[User::Count]}. */
  @Override
  public String toString() {
    return kind == Kind.COLUMN ? "[" + name + "]" : "@[" + qualifiedName() + "]";
  }
}
