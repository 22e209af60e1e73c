package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.context.Variables;
import io.sluice.engine.runtime.variable.VariableException;
import java.math.BigDecimal;

/** A task's variables as a plugin sees them: engine errors become {@link PluginException}s. */
final class TaskVariables implements Variables {

  private final io.sluice.engine.runtime.variable.Variables variables;

  TaskVariables(io.sluice.engine.runtime.variable.Variables variables) {
    this.variables = variables;
  }

  @Override
  public boolean exists(String name) {
    try {
      return variables.find(name).isPresent();
    } catch (VariableException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public Object get(String name) {
    try {
      return variables.get(name);
    } catch (VariableException e) {
      throw new PluginException(e.getMessage());
    }
  }

  @Override
  public <T> T get(String name, Class<T> type) {
    return convert(name, get(name), type);
  }

  @Override
  public Object sensitiveValue(String name) {
    try {
      return variables.sensitiveValue(name);
    } catch (VariableException e) {
      throw new PluginException(e.getMessage());
    }
  }

  @Override
  public void set(String name, Object value) {
    try {
      variables.set(name, value);
    } catch (VariableException e) {
      throw new PluginException(e.getMessage(), "declare a User variable the task may write");
    }
  }

  @Override
  public boolean isReadOnly(String name) {
    try {
      return variables.require(name).readOnly();
    } catch (VariableException e) {
      throw new PluginException(e.getMessage());
    }
  }

  /** Converts between the value classes SSIS variables have; refuses anything else. */
  static <T> T convert(String name, Object value, Class<T> type) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    Object converted = null;
    if (type == String.class) {
      converted = String.valueOf(value);
    } else if (value instanceof Number n) {
      if (type == Long.class) {
        converted = n.longValue();
      } else if (type == Integer.class) {
        converted = n.intValue();
      } else if (type == Double.class) {
        converted = n.doubleValue();
      } else if (type == BigDecimal.class) {
        converted = new BigDecimal(n.toString());
      }
    }
    if (converted == null) {
      throw new PluginException(
          "variable "
              + name
              + " holds a "
              + value.getClass().getSimpleName()
              + ", which cannot be read as "
              + type.getSimpleName());
    }
    return type.cast(converted);
  }
}
