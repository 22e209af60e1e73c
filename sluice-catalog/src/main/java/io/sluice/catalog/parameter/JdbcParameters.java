package io.sluice.catalog.parameter;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import io.sluice.catalog.project.ProjectLookup;
import io.sluice.catalog.project.ProjectLookup.ProjectRow;
import io.sluice.engine.project.ParameterType;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Parameters} on the catalog database. */
public final class JdbcParameters implements Parameters {

  private static final String SELECT_ALL =
      "select "
          + StoredParameter.COLUMNS
          + " from parameter where version_id = :versionId order by object_type, object_name, name";

  private static final String SELECT_ONE =
      "select "
          + StoredParameter.COLUMNS
          + """
           from parameter
           where version_id = :versionId
             and object_type = :objectType
             and object_name = :objectName
             and name = :name
          """;

  /** The packages of a version that have a parameter of this name (one asked as a project's). */
  private static final String PACKAGES_WITH_PARAMETER =
      """
      select object_name
        from parameter
       where version_id = :versionId
         and object_type = 30
         and name = :name
       order by object_name
      """;

  private static final String NAMES_OF_OBJECT =
      """
      select name
        from parameter
       where version_id = :versionId
         and object_type = :objectType
         and object_name = :objectName
       order by name
      """;

  private static final String PACKAGE_NAMES =
      "select name from package where version_id = :versionId order by name";

  private static final String SET_LITERAL =
      """
      update parameter
         set value_type = 'V', server_value = :clear, server_value_secret = :secret,
             referenced_variable = null
       where parameter_id = :parameterId
      """;

  private static final String SET_REFERENCE =
      """
      update parameter
         set value_type = 'R', server_value = null, server_value_secret = null,
             referenced_variable = :variable
       where parameter_id = :parameterId
      """;

  private static final String CLEAR =
      """
      update parameter
         set value_type = null, server_value = null, server_value_secret = null,
             referenced_variable = null
       where parameter_id = :parameterId
      """;

  private final CatalogContext context;

  public JdbcParameters(CatalogContext context) {
    this.context = context;
  }

  @Override
  public List<ParameterInfo> list(String folder, String project) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h -> parametersOf(h, ProjectLookup.require(h, folder, project).currentVersionId()));
  }

  @Override
  public ParameterComparison compare(
      String folder, String project, int fromVersion, int toVersion) {
    return context
        .database()
        .jdbi()
        .withHandle(
            h -> {
              ProjectRow row = ProjectLookup.require(h, folder, project);
              return ParameterComparison.of(
                  fromVersion,
                  parametersOf(h, ProjectLookup.versionId(h, row, fromVersion)),
                  toVersion,
                  parametersOf(h, ProjectLookup.versionId(h, row, toVersion)));
            });
  }

  private static List<ParameterInfo> parametersOf(Handle h, long versionId) {
    return h
        .createQuery(SELECT_ALL)
        .bind("versionId", versionId)
        .map(ConstructorMapper.of(StoredParameter.class))
        .stream()
        .map(StoredParameter::toInfo)
        .toList();
  }

  @Override
  public ParameterInfo setValue(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String literal) {
    return change(
        folder,
        project,
        objectType,
        packageOrNull,
        name,
        (h, p) -> {
          if (literal == null) {
            throw CatalogException.invalid(
                "no value given for parameter '" + name + "'",
                "give a value, or remove the server value with: sluice catalog parameters clear");
          }
          ParameterType type =
              ParameterType.fromName(p.dataType())
                  .orElseThrow(() -> new IllegalStateException("stored type " + p.dataType()));
          type.invalidValue(literal, p.sensitive())
              .ifPresent(
                  why -> {
                    throw CatalogException.invalid(
                        "parameter '" + name + "' is " + type.ssisName() + ": " + why,
                        "give a value of type " + type.ssisName());
                  });
          h.createUpdate(SET_LITERAL)
              .bind("clear", p.sensitive() ? null : literal)
              .bind("secret", p.sensitive() ? context.cipher().encrypt(literal) : null)
              .bind("parameterId", p.parameterId())
              .execute();
        });
  }

  @Override
  public ParameterInfo setReference(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String environmentVariableName) {
    return change(
        folder,
        project,
        objectType,
        packageOrNull,
        name,
        (h, p) -> {
          CatalogNames.require("environment variable", environmentVariableName);
          h.createUpdate(SET_REFERENCE)
              .bind("variable", environmentVariableName)
              .bind("parameterId", p.parameterId())
              .execute();
        });
  }

  @Override
  public ParameterInfo clearValue(
      String folder, String project, ObjectType objectType, String packageOrNull, String name) {
    return change(
        folder,
        project,
        objectType,
        packageOrNull,
        name,
        (h, p) -> h.createUpdate(CLEAR).bind("parameterId", p.parameterId()).execute());
  }

  private interface Change {
    void apply(Handle h, StoredParameter parameter);
  }

  /** Finds the parameter in the current version, applies {@code change}, returns the result. */
  private ParameterInfo change(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      Change change) {
    checkOwner(objectType, packageOrNull);
    return context
        .database()
        .jdbi()
        .inTransaction(
            h -> {
              ProjectRow row = ProjectLookup.requireForShare(h, folder, project);
              String objectName = objectType == ObjectType.PROJECT ? row.name() : packageOrNull;
              if (objectType == ObjectType.PACKAGE) {
                requirePackage(h, row, packageOrNull);
              }
              StoredParameter parameter =
                  find(h, row.currentVersionId(), objectType, objectName, name);
              change.apply(h, parameter);
              return find(h, row.currentVersionId(), objectType, objectName, name).toInfo();
            });
  }

  private static void checkOwner(ObjectType objectType, String packageOrNull) {
    if (objectType == ObjectType.PROJECT && packageOrNull != null) {
      throw CatalogException.invalid(
          "a project parameter belongs to no package, but package '"
              + packageOrNull
              + "' was given",
          "drop --package to set a project parameter, or name a package parameter");
    }
    if (objectType == ObjectType.PACKAGE && packageOrNull == null) {
      throw CatalogException.invalid(
          "a package parameter needs the name of its package", "add --package NAME");
    }
  }

  private static void requirePackage(Handle h, ProjectRow row, String packageName) {
    List<String> packages =
        h.createQuery(PACKAGE_NAMES)
            .bind("versionId", row.currentVersionId())
            .mapTo(String.class)
            .list();
    if (!packages.contains(packageName)) {
      throw CatalogException.notFound(
          "project '" + row.name() + "' has no package '" + packageName + "'",
          "its packages are: " + String.join(", ", packages));
    }
  }

  private static StoredParameter find(
      Handle h, long versionId, ObjectType objectType, String objectName, String name) {
    return h.createQuery(SELECT_ONE)
        .bind("versionId", versionId)
        .bind("objectType", objectType.code())
        .bind("objectName", objectName)
        .bind("name", name)
        .map(ConstructorMapper.of(StoredParameter.class))
        .findOne()
        .orElseThrow(() -> unknownParameter(h, versionId, objectType, objectName, name));
  }

  private static CatalogException unknownParameter(
      Handle h, long versionId, ObjectType objectType, String objectName, String name) {
    List<String> existing =
        h.createQuery(NAMES_OF_OBJECT)
            .bind("versionId", versionId)
            .bind("objectType", objectType.code())
            .bind("objectName", objectName)
            .mapTo(String.class)
            .list();
    String owner =
        objectType == ObjectType.PROJECT
            ? "project '" + objectName + "'"
            : "package '" + objectName + "'";
    List<String> packagesWithIt =
        objectType == ObjectType.PROJECT
            ? h.createQuery(PACKAGES_WITH_PARAMETER)
                .bind("versionId", versionId)
                .bind("name", name)
                .mapTo(String.class)
                .list()
            : List.of();
    String packageHint =
        packagesWithIt.isEmpty()
            ? ""
            : "'"
                + name
                + "' is a parameter of package "
                + String.join(", ", packagesWithIt)
                + ": add --package "
                + packagesWithIt.get(0)
                + "; ";
    return CatalogException.notFound(
        owner + " has no parameter '" + name + "'",
        packageHint
            + (existing.isEmpty()
                ? owner + " has no parameters at all (see: sluice catalog parameters list)"
                : "its parameters are: " + String.join(", ", existing)));
  }
}
