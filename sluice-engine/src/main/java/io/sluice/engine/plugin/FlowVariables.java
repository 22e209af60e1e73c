package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.context.Variables;
import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionException;
import io.sluice.engine.expression.ExpressionScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variables as a data-flow component sees them: read through the same slots the flow's expressions
 * use ({@code @[User::X]}, compiled once per name); writable only where the flow lets components
 * write (not while planning).
 */
final class FlowVariables implements Variables {

  private final DataFlowEnvironment environment;
  private final boolean running;
  private final Map<String, Expression> reads = new ConcurrentHashMap<>();

  FlowVariables(DataFlowEnvironment environment, boolean running) {
    this.environment = environment;
    this.running = running;
  }

  private Expression read(String name) {
    return reads.computeIfAbsent(
        name,
        n -> {
          ExpressionScope scope = environment.variableScope();
          try {
            return Expression.compile("@[" + n + "]", scope);
          } catch (ExpressionException e) {
            throw new PluginException("variable " + n + ": " + e.getMessage());
          }
        });
  }

  @Override
  public boolean exists(String name) {
    if (environment.isSensitive(name)) {
      return true;
    }
    try {
      read(name);
      return true;
    } catch (PluginException e) {
      return false;
    }
  }

  @Override
  public Object get(String name) {
    try {
      return read(name).evaluate(environment.variableValues());
    } catch (RuntimeException e) {
      throw e instanceof PluginException p ? p : new PluginException(e.getMessage());
    }
  }

  @Override
  public <T> T get(String name, Class<T> type) {
    return TaskVariables.convert(name, get(name), type);
  }

  @Override
  public Object sensitiveValue(String name) {
    if (environment.isSensitive(name)) {
      try {
        return environment.sensitiveValue(name);
      } catch (RuntimeException e) {
        throw new PluginException(e.getMessage());
      }
    }
    return get(name);
  }

  @Override
  public void set(String name, Object value) {
    if (!running || !environment.isWritableVariable(name)) {
      throw new PluginException(
          "variable " + name + " is read-only here",
          "a data-flow component writes variables only while it runs, and only User variables");
    }
    environment.setVariable(name, value);
  }

  @Override
  public boolean isReadOnly(String name) {
    return !running || !environment.isWritableVariable(name);
  }
}
