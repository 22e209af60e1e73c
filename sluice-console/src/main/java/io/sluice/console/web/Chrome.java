package io.sluice.console.web;

/**
 * What the layout shows around a page: its title, the navigation entry it belongs to, the viewer
 * (null on the sign-in page and on errors before sign-in) and the master that served it.
 */
public record Chrome(String title, String section, Viewer viewer, String masterName) {

  public boolean current(String entry) {
    return entry.equals(section);
  }
}
