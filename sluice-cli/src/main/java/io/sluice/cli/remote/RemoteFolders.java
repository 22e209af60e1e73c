package io.sluice.cli.remote;

import static io.sluice.cli.remote.MasterConnection.segment;

import io.sluice.catalog.folder.Folder;
import io.sluice.catalog.folder.Folders;
import io.sluice.master.catalogapi.CatalogRequests.Description;
import io.sluice.master.catalogapi.CatalogRequests.NewFolder;
import java.util.List;

/** {@link Folders} through a master: {@code /api/v1/folders}. */
final class RemoteFolders implements Folders {

  private final MasterConnection master;

  RemoteFolders(MasterConnection master) {
    this.master = master;
  }

  static String path(String folder) {
    return "/folders/" + segment(folder);
  }

  @Override
  public Folder create(String name, String description) {
    return master.send("POST", "/folders", new NewFolder(name, description), Folder.class);
  }

  @Override
  public List<Folder> list() {
    return master.getList("/folders", Folder.class);
  }

  @Override
  public Folder get(String name) {
    return master.get(path(name), Folder.class);
  }

  @Override
  public Folder setDescription(String name, String description) {
    return master.send("PATCH", path(name), new Description(description), Folder.class);
  }

  @Override
  public void delete(String name) {
    master.send("DELETE", path(name), null, Void.class);
  }
}
