package io.sluice.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest. */
public final class SluiceVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SluiceVersion.class.getPackage().getImplementationVersion();
    return new String[] {"sluice " + (version == null ? "development" : version)};
  }
}
