package io.sluice.catalog.parameter;

/** A {@code parameter} row as stored, secrets reduced to whether they are there. */
record StoredParameter(
    long parameterId,
    int objectType,
    String objectName,
    String name,
    String dataType,
    boolean required,
    boolean sensitive,
    String description,
    String designDefaultValue,
    boolean hasDesignDefaultSecret,
    String valueType,
    String serverValue,
    boolean hasServerValueSecret,
    String referencedVariable) {

  static final String COLUMNS =
      """
      parameter_id, object_type, object_name, name, data_type, required, sensitive, description,
      design_default_value, design_default_secret is not null as has_design_default_secret,
      value_type, server_value, server_value_secret is not null as has_server_value_secret,
      referenced_variable
      """;

  /** Resolves the value an execution would use; masks everything of a sensitive parameter. */
  ParameterInfo toInfo() {
    String designDefault =
        sensitive ? (hasDesignDefaultSecret ? ParameterInfo.MASK : null) : designDefaultValue;
    String literal = sensitive ? (hasServerValueSecret ? ParameterInfo.MASK : null) : serverValue;
    ValueSource source;
    String value;
    if ("R".equals(valueType)) {
      source = ValueSource.ENVIRONMENT_VARIABLE;
      value = null;
    } else if ("V".equals(valueType)) {
      source = ValueSource.SERVER_VALUE;
      value = literal;
    } else if (required || designDefault == null) {
      // As in SSIS, a required parameter needs a value other than its design default.
      source = ValueSource.MISSING;
      value = null;
    } else {
      source = ValueSource.DESIGN_DEFAULT;
      value = designDefault;
    }
    return new ParameterInfo(
        ObjectType.ofCode(objectType),
        objectName,
        name,
        dataType,
        required,
        sensitive,
        description,
        designDefault,
        "V".equals(valueType) ? literal : null,
        "R".equals(valueType) ? referencedVariable : null,
        source,
        value);
  }
}
