package io.sluice.catalog.property;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** {@link Properties} on the catalog database. */
public final class JdbcProperties implements Properties {

  private final CatalogContext context;

  public JdbcProperties(CatalogContext context) {
    this.context = context;
  }

  @Override
  public List<CatalogProperty> list() {
    return context
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "select name, value, description from catalog_property order by name")
                    .map(
                        (rs, ctx) ->
                            property(
                                rs.getString("name"),
                                rs.getString("value"),
                                rs.getString("description")))
                    .list());
  }

  @Override
  public CatalogProperty get(String name) {
    return context.database().jdbi().withHandle(handle -> find(handle, canonical(name)));
  }

  @Override
  public CatalogProperty set(String name, String value) {
    String canonicalName = canonical(name);
    String stored = PropertyRules.normalize(canonicalName, value);
    return context
        .database()
        .jdbi()
        .inTransaction(
            handle -> {
              handle
                  .createUpdate("update catalog_property set value = :value where name = :name")
                  .bind("value", stored)
                  .bind("name", canonicalName)
                  .execute();
              return find(handle, canonicalName);
            });
  }

  private static CatalogProperty find(Handle handle, String name) {
    return handle
        .createQuery("select name, value, description from catalog_property where name = :name")
        .bind("name", name)
        .map(
            (rs, ctx) ->
                property(rs.getString("name"), rs.getString("value"), rs.getString("description")))
        .findOne()
        .orElseThrow(
            () ->
                CatalogException.notFound(
                    "there is no catalog property " + name,
                    "list them with: sluice catalog properties list"));
  }

  private static CatalogProperty property(String name, String value, String description) {
    return new CatalogProperty(name, value, description, PropertyRules.isReadOnly(name));
  }

  /** Users may type names in any case, as SSIS accepts them. */
  private static String canonical(String name) {
    return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
  }
}
