package io.sluice.engine.project;

/**
 * One of dtexec's {@code /SET propertyPath;value} (and {@code /CONNECTION name;value}, which is a
 * {@code /SET} of the connection's ConnectionString), or one of the SSIS catalog's execution
 * property overrides: a value given at run time for a property of the package.
 *
 * @param path the SSIS property path, e.g. {@code \Package.Variables[User::Day].Value}
 * @param sensitive the value is a secret (dtexec's {@code $Sensitive::}): it is masked whole in
 *     every message of the run, and a catalog stores it encrypted. Whether or not, the passwords
 *     written inside any value ({@link PropertyOverrides#credentialsIn}) are masked, and a catalog
 *     encrypts every value that sets a connection ({@link PropertyOverrides#holdsSecret}).
 */
public record PropertyOverride(String path, String value, boolean sensitive) {

  /** dtexec's {@code /SET} prefix that marks the value sensitive. */
  public static final String SENSITIVE_PREFIX = "$Sensitive::";

  public PropertyOverride {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a property override needs a property path");
    }
    if (value == null) {
      throw new IllegalArgumentException("property override " + path + " needs a value");
    }
  }

  /**
   * dtexec's {@code /CONNECTION name;value}: the connection string of connection manager {@code
   * name}. Not marked sensitive, so that messages still name the server it reaches; the password
   * written in it is masked all the same.
   */
  public static PropertyOverride connection(String name, String value) {
    return new PropertyOverride(
        "\\Package.Connections[" + name + "].Properties[ConnectionString]", value, false);
  }

  /**
   * dtexec's {@code /SET [$Sensitive::]propertyPath;value} as one argument. The path ends at the
   * first {@code ;} (dtexec's separator) or {@code =} outside square brackets: a path has neither
   * outside brackets, while a value may hold both.
   *
   * @throws IllegalArgumentException when there is no separator
   */
  public static PropertyOverride parse(String argument) {
    String text = argument;
    boolean sensitive = false;
    if (text.regionMatches(true, 0, SENSITIVE_PREFIX, 0, SENSITIVE_PREFIX.length())) {
      sensitive = true;
      text = text.substring(SENSITIVE_PREFIX.length());
    }
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == ';' || c == '=')) {
        if (i == 0) {
          break;
        }
        return new PropertyOverride(text.substring(0, i).trim(), text.substring(i + 1), sensitive);
      }
    }
    throw new IllegalArgumentException(
        "'"
            + argument
            + "' is not PROPERTY_PATH;VALUE (e.g. \\Package.Variables[User::Day].Value;5)");
  }

  @Override
  public String toString() {
    // Keep secrets out of logs and exception messages.
    return "PropertyOverride[" + path + "=" + (sensitive ? "(hidden)" : value) + "]";
  }
}
