package io.sluice.cli.remote;

import static io.sluice.cli.remote.MasterConnection.segment;

import io.sluice.catalog.property.CatalogProperty;
import io.sluice.catalog.property.Properties;
import io.sluice.master.catalogapi.CatalogRequests.PropertyValue;
import java.util.List;

/** {@link Properties} through a master: {@code /api/v1/properties}. */
final class RemoteProperties implements Properties {

  private final MasterConnection master;

  RemoteProperties(MasterConnection master) {
    this.master = master;
  }

  @Override
  public List<CatalogProperty> list() {
    return master.getList("/properties", CatalogProperty.class);
  }

  @Override
  public CatalogProperty get(String name) {
    return master.get("/properties/" + segment(name), CatalogProperty.class);
  }

  @Override
  public CatalogProperty set(String name, String value) {
    return master.send(
        "PUT", "/properties/" + segment(name), new PropertyValue(value), CatalogProperty.class);
  }
}
