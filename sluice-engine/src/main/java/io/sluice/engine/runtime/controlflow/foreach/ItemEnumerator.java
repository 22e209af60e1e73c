package io.sluice.engine.runtime.controlflow.foreach;

import io.sluice.engine.runtime.variable.Variables;
import java.util.List;

/** SSIS's Foreach Item enumerator: items written in the package, each one value or a list. */
record ItemEnumerator(List<List<Object>> items) implements ForeachEnumerator {

  @Override
  public List<List<Object>> items(Variables scope) {
    return items;
  }
}
