package io.sluice.api;

/**
 * The version of the plugin API. Everything under {@code io.sluice.api} is stable: within one
 * {@link #VERSION} a plugin compiled against an older 0.x/1.x build keeps loading and running;
 * methods may be added (with defaults where plugins implement the interface), never removed or
 * changed. A change that breaks plugins raises {@link #VERSION}, and Sluice refuses a plugin whose
 * descriptor names another version with a message saying which one it needs. See docs/extending.md.
 */
public final class SluiceApi {

  /**
   * The API version plugins are built against; written into {@code META-INF/sluice/plugins.yaml}.
   */
  public static final int VERSION = 1;

  /** Where a plugin jar describes its types as data, read without loading the jar's classes. */
  public static final String DESCRIPTOR = "META-INF/sluice/plugins.yaml";

  private SluiceApi() {}
}
