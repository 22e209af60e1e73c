package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.plugin.BuiltInPlugins;
import io.sluice.engine.project.ParameterType;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import io.sluice.engine.runtime.variable.VariableType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every YAML example in docs/*.md is YAML, and every {@code type:} it writes is one Sluice has: a
 * task, container, data-flow component, connection, Foreach enumerator, variable or parameter type,
 * or an SSIS data type. A renamed or misspelt type in a page (a reader copies it and gets "unknown
 * task type") fails here, naming the page and the line. The pages' examples run in the tests of
 * their features (ScriptComponentDocsTest, JdbcCommandDocsTest, TransformDocsTest, ...).
 */
class DocsYamlTest {

  /** Types only a page's own example defines: extending.md's plugins. */
  static final Set<String> EXAMPLE_PLUGIN_TYPES =
      Set.of("Greet", "UpperCase", "Numbers", "LengthSplit", "SendSlackMessage", "MaskEmail");

  static final Set<String> OTHER_TYPES =
      Set.of(
          "Sequence",
          "ForLoop",
          "ForeachLoop",
          "jdbc",
          "flatFile",
          "file",
          "cache",
          "item",
          "variable");

  @Test
  void everyYamlExampleParsesAndNamesOnlyTypesSluiceHas() throws IOException {
    List<DocBlocks.Block> blocks = DocBlocks.all();
    assertThat(blocks).hasSizeGreaterThan(40);
    List<String> wrong = new ArrayList<>();
    for (DocBlocks.Block b : blocks) {
      Object parsed;
      try {
        parsed = yaml().load(b.text());
      } catch (RuntimeException e) {
        wrong.add(
            b.page()
                + ":"
                + b.line()
                + ": not YAML: "
                + e.getMessage().lines().findFirst().orElse(""));
        continue;
      }
      List<String> types = new ArrayList<>();
      collectTypes(parsed, types);
      for (String type : types) {
        if (!known(type)) {
          wrong.add(b.page() + ":" + b.line() + ": unknown type '" + type + "'");
        }
      }
    }
    assertThat(wrong).as("examples in docs/").isEmpty();
  }

  private static boolean known(String type) {
    if (EXAMPLE_PLUGIN_TYPES.contains(type) || OTHER_TYPES.contains(type)) {
      return true;
    }
    if (io.sluice.api.settings.SettingType.ofWord(type) != null) {
      return true; // a setting's type in a plugin descriptor (extending.md)
    }
    if (TaskTypeRegistry.standard().find(type).isPresent()
        || ComponentRegistry.standard().find(type).isPresent()
        || BuiltInPlugins.connectionPlugins().containsKey(type.toLowerCase(java.util.Locale.ROOT))
        || VariableType.fromName(type).isPresent()
        || ParameterType.fromName(type).isPresent()) {
      return true;
    }
    if (type.startsWith("DT_")) {
      try {
        DataTypes.parse(type, "a docs example");
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  static void collectTypes(Object node, List<String> types) {
    if (node instanceof Map<?, ?> map) {
      Object type = map.get("type");
      if (type instanceof String s) {
        types.add(s);
      }
      for (Object value : map.values()) {
        collectTypes(value, types);
      }
    } else if (node instanceof List<?> list) {
      for (Object item : list) {
        collectTypes(item, types);
      }
    }
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    return new Yaml(new SafeConstructor(options));
  }
}
