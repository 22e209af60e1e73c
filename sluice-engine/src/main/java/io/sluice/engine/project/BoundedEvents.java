package io.sluice.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * The parser's events on their way to the composer, counted so that a file of bounded size cannot
 * make unbounded work, and so that each refusal has a position.
 *
 * <p>The composer does not copy what an alias names: {@code *x} becomes the very node {@code &x}
 * made. Everything that reads the nodes afterwards (the project's checks, the plain values of task
 * settings) walks them as a tree, though, so a few aliases of aliases ({@code b: [*a, *a, *a]},
 * {@code c: [*b, *b, *b]}, ...) stand for billions of values: 48 aliases, within SnakeYAML's own
 * limit of 50, took a master's 2 GB heap in 105 s. An alias inside the collection it names ({@code
 * &a [*a]}) is endless and overflowed the stack. So this counts values the way they will be read,
 * each alias as all the values it repeats, and refuses, at the event where a limit is passed: more
 * than {@link #MAX_VALUES} values, an alias inside what it names, more than {@link
 * #MAX_COLLECTION_ALIASES} aliases of lists or mappings, and collections nested deeper than {@link
 * #MAX_NESTING_DEPTH}.
 */
final class BoundedEvents implements Parser {

  /**
   * Values (scalars, lists, mappings) a file may stand for. A large real package holds some tens of
   * thousands; a 2 MiB file of short ones ({@code - {name: Key, type: DT_I4}}, some 8 bytes a
   * value) about 260,000. Their nodes take memory: 1,000,000 values did not parse in a 256 MB heap,
   * these parse in under 96 MB.
   */
  static final long MAX_VALUES = 250_000;

  /** Aliases of lists or mappings per file (SnakeYAML's default). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Lists and mappings inside each other (SnakeYAML's default; a package needs about 15). */
  static final int MAX_NESTING_DEPTH = 50;

  /**
   * What an anchor stands for: its values (its own node included) and whether it is a collection.
   */
  private record Anchor(long values, boolean collection) {}

  /**
   * A list or mapping being read: its anchor (or null), the count of values before it began, where
   * it starts, whether it is written in flow style ({@code [...]} or {@code {...}}), and whether it
   * is a list.
   */
  private record Open(String anchor, long valuesBefore, Mark start, boolean flow, boolean list) {}

  private final Parser parser;
  private final Deque<Open> open = new ArrayDeque<>();
  private final Map<String, Anchor> anchors = new HashMap<>();
  private long values;
  private int collectionAliases;
  private Mark last;

  BoundedEvents(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    last = event.getStartMark();
    if (event instanceof ScalarEvent scalar) {
      count(1);
      if (scalar.getAnchor() != null) {
        anchors.put(scalar.getAnchor(), new Anchor(1, false));
      }
    } else if (event instanceof AliasEvent alias) {
      alias(alias);
    } else if (event instanceof CollectionStartEvent start) {
      if (open.size() >= MAX_NESTING_DEPTH) {
        throw new Refused(
            "lists and mappings nested more than "
                + MAX_NESTING_DEPTH
                + " deep here; no package needs that many: write it flatter",
            last);
      }
      open.push(
          new Open(
              start.getAnchor(),
              values,
              last,
              start.isFlow(),
              start instanceof SequenceStartEvent));
      count(1);
    } else if (event instanceof CollectionEndEvent) {
      Open closed = open.pop();
      if (closed.anchor() != null) {
        anchors.put(closed.anchor(), new Anchor(values - closed.valuesBefore(), true));
      }
    }
    return event;
  }

  /** Where the last event read starts: the place of a refusal SnakeYAML makes without one. */
  Mark lastMark() {
    return last;
  }

  /** The innermost {@code [...]} or {@code {...}} still open: where to point when the file ends. */
  Unclosed unclosedFlow() {
    for (Open collection : open) {
      if (collection.flow()) {
        return new Unclosed(collection.start(), collection.list());
      }
    }
    return null;
  }

  /** A flow list or mapping the file ended inside, and where it starts. */
  record Unclosed(Mark start, boolean list) {}

  private void alias(AliasEvent alias) {
    String name = alias.getAnchor();
    for (Open collection : open) {
      if (name.equals(collection.anchor())) {
        throw new Refused(
            "the alias *"
                + name
                + " is inside the list or mapping &"
                + name
                + " it repeats, which would never end",
            last);
      }
    }
    Anchor anchor = anchors.get(name);
    if (anchor == null) {
      return; // the composer says "found undefined alias", with its position
    }
    if (anchor.collection() && ++collectionAliases > MAX_COLLECTION_ALIASES) {
      throw new Refused(
          "more than "
              + MAX_COLLECTION_ALIASES
              + " aliases of lists or mappings (this is *"
              + name
              + "); aliases of aliases can stand for billions of values (a YAML bomb): write the"
              + " values out instead",
          last);
    }
    count(anchor.values());
  }

  private void count(long more) {
    values += more;
    if (values > MAX_VALUES) {
      throw new Refused(
          String.format(
              "more than %,d values here, counting each alias as all the values it repeats (a"
                  + " large package holds some tens of thousands); write out what aliases of"
                  + " aliases repeat (a YAML bomb), or split the package",
              MAX_VALUES),
          last);
    }
  }

  /** A limit passed, at the event that passed it. */
  static final class Refused extends MarkedYAMLException {

    Refused(String problem, Mark at) {
      super(null, null, problem, at);
    }
  }
}
