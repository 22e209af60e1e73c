package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings one kind of task, connection or data-flow component takes: which keys exist, which
 * are required (alone or one of a group), which take a fixed set of words, a whole number, true or
 * false, or the name of a connection of a given type. Structure only: what the values mean is the
 * engine's business.
 */
final class Settings {

  final String what;
  final Set<String> keys = new LinkedHashSet<>();
  final List<List<String>> exactlyOne = new ArrayList<>();
  final Map<String, List<String>> choices = new LinkedHashMap<>();
  final Map<String, Long> wholeNumbers = new LinkedHashMap<>();
  final Set<String> booleans = new LinkedHashSet<>();
  final Map<String, String> connections = new LinkedHashMap<>();
  final Set<String> lists = new LinkedHashSet<>();
  final Set<String> mappings = new LinkedHashSet<>();
  final Set<String> checkedElsewhere = new LinkedHashSet<>();

  private Settings(String what) {
    this.what = what;
  }

  /** Settings of {@code what}, e.g. "an ExecuteSql task". */
  static Settings of(String what) {
    return new Settings(what);
  }

  Settings keys(String... names) {
    keys.addAll(List.of(names));
    return this;
  }

  /** The key must be given (directly or as a property expression). */
  Settings required(String name) {
    return exactlyOne(name);
  }

  /** Exactly one of the keys must be given. */
  Settings exactlyOne(String... names) {
    keys(names);
    exactlyOne.add(List.of(names));
    return this;
  }

  Settings choice(String name, String... values) {
    keys(name);
    choices.put(name, List.of(values));
    return this;
  }

  Settings wholeNumber(String name, long min) {
    keys(name);
    wholeNumbers.put(name, min);
    return this;
  }

  Settings bool(String... names) {
    keys(names);
    booleans.addAll(List.of(names));
    return this;
  }

  /** The key names a connection manager of {@code type}. */
  Settings connection(String name, String type) {
    keys(name);
    connections.put(name, type);
    return this;
  }

  Settings list(String... names) {
    keys(names);
    lists.addAll(List.of(names));
    return this;
  }

  /** Keys whose values a {@link StructureCheck} judges, whatever their shape. */
  Settings checkedElsewhere(java.util.Collection<String> names) {
    keys.addAll(names);
    checkedElsewhere.addAll(names);
    return this;
  }

  Settings mapping(String... names) {
    keys(names);
    mappings.addAll(List.of(names));
    return this;
  }
}
