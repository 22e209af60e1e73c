package io.sluice.script;

import java.util.Map;

/** Defines a compiled script's classes for one execution, over the run's class loader. */
final class ScriptLoader extends ClassLoader {

  private final Map<String, byte[]> classes;

  ScriptLoader(ClassLoader parent, Map<String, byte[]> classes) {
    super("sluice-script", parent);
    this.classes = classes;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
