package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectTooLargeException;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RequestBodies;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;

/**
 * Projects and their versions (SSIS deploy_project, restore_project, delete_project, projects,
 * object_versions, packages). A deploy sends the {@code .spac} archive itself as {@code
 * application/octet-stream}; the project's name comes from the archive.
 */
final class ProjectRoutes implements RouteModule {

  static final String FOLDER_PROJECTS = FolderRoutes.FOLDER + "/projects";
  static final String PROJECT = FOLDER_PROJECTS + "/{project}";

  private final CallerCatalogs catalogs;
  private final long maxArchiveBytes;
  private final IspacUploads ispacUploads;

  ProjectRoutes(CallerCatalogs catalogs, long maxArchiveBytes) {
    this.catalogs = catalogs;
    this.maxArchiveBytes = maxArchiveBytes;
    this.ispacUploads = new IspacUploads(maxArchiveBytes);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        ManagementAccess.BASE + "/projects",
        ctx -> Json.ok(ctx, catalogs.of(ctx).projects().list(null)));
    routes.get(
        FOLDER_PROJECTS,
        ctx -> Json.ok(ctx, catalogs.of(ctx).projects().list(FolderRoutes.folder(ctx))));
    routes.post(FOLDER_PROJECTS, this::deploy);
    routes.get(
        PROJECT,
        ctx ->
            Json.ok(ctx, catalogs.of(ctx).projects().get(FolderRoutes.folder(ctx), project(ctx))));
    routes.delete(
        PROJECT,
        ctx -> {
          catalogs.of(ctx).projects().delete(FolderRoutes.folder(ctx), project(ctx));
          ctx.status(204);
        });
    routes.get(
        PROJECT + "/versions",
        ctx ->
            Json.ok(
                ctx, catalogs.of(ctx).projects().versions(FolderRoutes.folder(ctx), project(ctx))));
    routes.post(
        PROJECT + "/versions/{version}/restore",
        ctx ->
            Json.ok(
                ctx,
                catalogs
                    .of(ctx)
                    .projects()
                    .restore(
                        FolderRoutes.folder(ctx),
                        project(ctx),
                        Params.pathNumber(ctx, "version", "version number"))));
    routes.get(
        PROJECT + "/packages",
        ctx ->
            Json.ok(
                ctx, catalogs.of(ctx).projects().packages(FolderRoutes.folder(ctx), project(ctx))));
    routes.get(PROJECT + "/archive", this::archive);
  }

  private void deploy(Context ctx) {
    byte[] archive = RequestBodies.read(ctx, maxArchiveBytes);
    if (archive.length == 0) {
      throw ApiException.badRequest(
          "the request has no body",
          "send the project archive (.spac, from sluice project pack) or an SSIS .ispac as"
              + " application/octet-stream");
    }
    if (IspacUploads.isIspac(archive)) {
      archive =
          ispacUploads.toProjectArchive(archive, IspacUploads.uploadName(ctx.queryParam("file")));
    }
    try {
      Json.write(ctx, 201, catalogs.of(ctx).projects().deploy(FolderRoutes.folder(ctx), archive));
    } catch (ProjectTooLargeException e) {
      // Refused while unpacking, before anything was parsed: the archive or a file in it is over
      // its limit (docs/package-format.md).
      throw ApiException.payloadTooLarge(e.getMessage(), e.hint() + "; nothing was stored");
    } catch (ProjectFormatException e) {
      throw ApiException.badRequest(
          e.getMessage(), "fix the files named above and deploy again; nothing was stored");
    }
  }

  private void archive(Context ctx) {
    byte[] archive =
        catalogs
            .of(ctx)
            .projects()
            .archive(FolderRoutes.folder(ctx), project(ctx), Params.queryNumber(ctx, "version", 1));
    ctx.contentType("application/octet-stream").result(archive);
  }

  static String project(Context ctx) {
    return ctx.pathParam("project");
  }
}
