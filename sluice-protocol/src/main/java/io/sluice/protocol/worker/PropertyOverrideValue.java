package io.sluice.protocol.worker;

/**
 * A property override of the execution (dtexec's /SET and /CONNECTION), applied by the worker to
 * the package before it runs. Values travel in clear inside the mutual-TLS channel only, like
 * sensitive parameter values, and workers never log them.
 *
 * @param path the SSIS property path, e.g. {@code \Package.Variables[User::Day].Value}
 * @param sensitive mask the whole value in the run's messages
 */
public record PropertyOverrideValue(String path, String value, boolean sensitive) {

  @Override
  public String toString() {
    return "PropertyOverrideValue[" + path + "=(hidden)]";
  }
}
