package io.sluice.console.web;

import io.sluice.master.management.Role;

/**
 * Who looks at a page: the signed-in caller (recorded by what they do, as the REST API records it),
 * the role that decides what they may change, and the session's token against cross-site requests,
 * which every form sends back.
 */
public record Viewer(String name, Role role, String csrf) {

  /** Whether the viewer may change things (start, stop, enable...): only an ADMIN may. */
  public boolean mayChange() {
    return role == Role.ADMIN;
  }
}
