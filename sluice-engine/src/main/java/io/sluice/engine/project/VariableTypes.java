package io.sluice.engine.project;

import java.util.List;
import java.util.Optional;

/** The data types of package variables, named as in SSIS, and which initial values they take. */
final class VariableTypes {

  static final List<String> NAMES =
      List.of(
          "Boolean",
          "Byte",
          "Char",
          "DateTime",
          "DBNull",
          "Decimal",
          "Double",
          "Int16",
          "Int32",
          "Int64",
          "Object",
          "SByte",
          "Single",
          "String",
          "UInt32",
          "UInt64");

  private VariableTypes() {}

  /**
   * Why {@code value} cannot be the initial value of a variable of {@code type}, or empty. Types
   * shared with parameters follow {@link ParameterType#invalidValue}; a Char is one character;
   * Object and DBNull variables take no value in the file (an Object is filled at run time, e.g. by
   * a full result set).
   */
  static Optional<String> invalidValue(String type, String value) {
    return switch (type) {
      case "Char" ->
          value.codePointCount(0, value.length()) == 1
              ? Optional.empty()
              : Optional.of("\"" + value + "\" is not a Char (exactly one character)");
      case "Object", "DBNull" ->
          Optional.of(
              "a variable of type "
                  + type
                  + " takes no value in the file; remove 'value' (tasks fill it at run time)");
      default ->
          ParameterType.fromName(type).flatMap(parameterType -> parameterType.invalidValue(value));
    };
  }
}
