package io.sluice.cli.run;

import io.sluice.cli.common.StdinValue;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.PropertyOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --connection NAME=VALUE} (dtexec's {@code /CONNECTION name;value}) and {@code --set
 * PATH;VALUE} (dtexec's {@code /SET [$Sensitive::]path;value}) as property overrides, for {@code
 * sluice run} and {@code sluice execute}. A VALUE may be {@code @FILE} or {@code -} (standard
 * input), as {@code --param} takes it, so a connection string with a password need not show in the
 * process list. The connections come first, so a {@code --set} of the same property wins.
 */
public final class OverrideArguments {

  private OverrideArguments() {}

  public static List<PropertyOverride> parse(List<String> connections, List<String> sets) {
    long fromStdin =
        connections.stream()
                .filter(a -> separator(a) > 0 && a.substring(separator(a) + 1).equals("-"))
                .count()
            + sets.stream().filter(a -> setValue(a).equals(StdinValue.DASH)).count();
    if (fromStdin > 1) {
      throw new UsageException(
          fromStdin + " --connection/--set values ask for standard input, which holds only one",
          "read the others from files: --connection NAME=@FILE, --set PATH;@FILE");
    }
    List<PropertyOverride> overrides = new ArrayList<>();
    for (String argument : connections) {
      int at = separator(argument);
      if (at <= 0) {
        throw new UsageException(
            "--connection " + argument + " is not NAME=VALUE",
            "e.g. --connection Warehouse=jdbc:postgresql://newhost:5432/dw");
      }
      overrides.add(
          PropertyOverride.connection(
              argument.substring(0, at).trim(),
              StdinValue.resolveWithFile(argument.substring(at + 1))));
    }
    for (String argument : sets) {
      PropertyOverride o;
      try {
        o = PropertyOverride.parse(argument);
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--set " + e.getMessage(), "e.g. --set '\\Package.Variables[User::Day].Value;5'");
      }
      overrides.add(
          new PropertyOverride(o.path(), StdinValue.resolveWithFile(o.value()), o.sensitive()));
    }
    return overrides;
  }

  /** Where NAME ends in {@code NAME=VALUE} or dtexec's {@code NAME;VALUE}: the first of the two. */
  private static int separator(String argument) {
    int eq = argument.indexOf('=');
    int semi = argument.indexOf(';');
    return eq < 0 ? semi : semi < 0 ? eq : Math.min(eq, semi);
  }

  private static String setValue(String argument) {
    try {
      return PropertyOverride.parse(argument).value();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
