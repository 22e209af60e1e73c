package io.sluice.engine.dataflow.spill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts any number of rows within a memory budget: rows are held until their estimated size passes
 * the budget, then sorted and written to a temporary run file; the sorted result merges the runs
 * (k-way, one buffered reader each) with what is still in memory.
 */
public final class ExternalSorter implements Closeable {

  private static final int READ_BUFFER = 64 * 1024;

  private final Comparator<Object[]> order;
  private final int width;
  private final long budget;
  private final Path directory;
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();
  private List<Object[]> rows = new ArrayList<>();
  private long held;

  public ExternalSorter(Comparator<Object[]> order, int width, long budget, Path directory) {
    this.order = order;
    this.width = width;
    this.budget = budget;
    this.directory = directory;
  }

  public void add(Object[] row) throws IOException {
    rows.add(row);
    held += RowSizes.of(row);
    if (held > budget) {
      spill();
    }
  }

  /** How many run files were written (0 when everything fitted in memory). */
  public int spills() {
    return runs.size();
  }

  private void spill() throws IOException {
    rows.sort(order);
    Files.createDirectories(directory);
    Path run = Files.createTempFile(directory, "sluice-sort-", ".run");
    runs.add(run);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 256 * 1024))) {
      for (Object[] row : rows) {
        SpillCodec.writeRow(out, row);
      }
    }
    rows = new ArrayList<>();
    held = 0;
  }

  /** The rows in order; call once, after the last {@link #add}. */
  public Iterator<Object[]> sorted() throws IOException {
    rows.sort(order);
    if (runs.isEmpty()) {
      return rows.iterator();
    }
    List<Iterator<Object[]>> sources = new ArrayList<>();
    sources.add(rows.iterator());
    for (Path run : runs) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(run), READ_BUFFER));
      open.add(in);
      sources.add(new RunReader(in, width));
    }
    return new Merge(sources, order);
  }

  @Override
  public void close() throws IOException {
    for (DataInputStream in : open) {
      in.close();
    }
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
    rows = new ArrayList<>();
  }

  /** Reads one run file row by row. */
  private static final class RunReader implements Iterator<Object[]> {
    private final DataInputStream in;
    private final int width;
    private Object[] next;

    RunReader(DataInputStream in, int width) {
      this.in = in;
      this.width = width;
      advance();
    }

    private void advance() {
      try {
        next = SpillCodec.readRow(in, width);
      } catch (EOFException end) {
        next = null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Object[] next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Object[] row = next;
      advance();
      return row;
    }
  }

  /** K-way merge of sorted iterators; ties keep the earlier source first (stable). */
  private static final class Merge implements Iterator<Object[]> {
    private record Head(Object[] row, int source, Iterator<Object[]> rest) {}

    private final PriorityQueue<Head> heads;

    Merge(List<Iterator<Object[]>> sources, Comparator<Object[]> order) {
      Comparator<Head> byRow = (a, b) -> order.compare(a.row(), b.row());
      heads = new PriorityQueue<>(byRow.thenComparingInt(Head::source));
      for (int i = 0; i < sources.size(); i++) {
        Iterator<Object[]> source = sources.get(i);
        if (source.hasNext()) {
          heads.add(new Head(source.next(), i, source));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public Object[] next() {
      Head head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      if (head.rest().hasNext()) {
        heads.add(new Head(head.rest().next(), head.source(), head.rest()));
      }
      return head.row();
    }
  }
}
