package io.sluice.engine.runtime.controlflow.foreach;

import io.sluice.engine.runtime.variable.Variables;
import java.util.List;

/** What a Foreach Loop walks over: each item is a list of values that mappings pick by index. */
public interface ForeachEnumerator {

  /** The items, computed when the loop starts (a folder is listed then, not at validation). */
  List<List<Object>> items(Variables scope) throws Exception;
}
