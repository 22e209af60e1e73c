package io.sluice.ssis.convert.dataflow;

import java.util.Locale;

/**
 * Row Sampling to {@code RowSampling} and Percentage Sampling to {@code PercentageSampling}: {@code
 * SamplingValue} (rows or percent) and {@code SamplingSeed} (0 or none: a new seed each run, as
 * SSIS's tick count); the output whose {@code Selected} property is true becomes {@code Selected},
 * the other {@code Unselected} (without the property: "Sampling Unselected Output" by its name).
 */
final class SamplingConverter implements ComponentConverter {

  private final String type;
  private final String setting;

  SamplingConverter(String type, String setting) {
    this.type = type;
    this.setting = setting;
  }

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted(type);
    out.put(setting, number(c, "SamplingValue", true));
    Long seed = number(c, "SamplingSeed", false);
    if (seed != null && seed != 0) {
      out.put("seed", seed);
    }
    for (SsisComponent.Port o : c.dataOutputs()) {
      // the output's Selected property says which it is; a package without it, by the names
      String selected = SsisComponent.properties(o.element()).get("Selected");
      boolean unselected =
          selected != null && !selected.isBlank()
              ? !Boolean.parseBoolean(selected.trim())
              : o.name().toLowerCase(Locale.ROOT).contains("unselected");
      out.outputs.put(o.refId(), unselected ? "Unselected" : "Selected");
    }
    return out;
  }

  private static Long number(SsisComponent c, String property, boolean required) {
    String v = c.property(property);
    if (v == null || v.isBlank()) {
      if (required) {
        throw new FlowContext.NotConvertible("it has no " + property);
      }
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new FlowContext.NotConvertible("its " + property + " is '" + v + "', not a number");
    }
  }
}
