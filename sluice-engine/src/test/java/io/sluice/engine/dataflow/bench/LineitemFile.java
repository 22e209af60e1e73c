package io.sluice.engine.dataflow.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a TPC-H lineitem-like file ('|'-delimited, 16 columns, no header) with the value
 * distributions of dbgen, deterministically, and reuses it when it already exists.
 */
final class LineitemFile {

  static final List<String> COLUMNS =
      List.of(
          "l_orderkey",
          "l_partkey",
          "l_suppkey",
          "l_linenumber",
          "l_quantity",
          "l_extendedprice",
          "l_discount",
          "l_tax",
          "l_returnflag",
          "l_linestatus",
          "l_shipdate",
          "l_commitdate",
          "l_receiptdate",
          "l_shipinstruct",
          "l_shipmode",
          "l_comment");

  static final List<String> TYPES =
      List.of(
          "DT_I8",
          "DT_I4",
          "DT_I4",
          "DT_I4",
          "DT_NUMERIC,15,2",
          "DT_NUMERIC,15,2",
          "DT_NUMERIC,15,2",
          "DT_NUMERIC,15,2",
          "DT_STR,1,1252",
          "DT_STR,1,1252",
          "DT_DBDATE",
          "DT_DBDATE",
          "DT_DBDATE",
          "DT_STR,25,1252",
          "DT_STR,10,1252",
          "DT_STR,44,1252");

  private static final String[] INSTRUCT = {
    "DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"
  };
  private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[] WORDS = {
    "furiously", "quickly", "carefully", "blithely", "regular", "final", "express", "pending",
    "ironic", "bold", "deposits", "packages", "accounts", "requests", "theodolites", "foxes",
    "pinto", "beans", "instructions", "dependencies", "slyly", "even", "special", "unusual"
  };

  private LineitemFile() {}

  static Path ensure(Path directory, long rows) throws IOException {
    Path file = directory.resolve("lineitem-" + rows + ".tbl");
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(directory);
    Path partial = directory.resolve("lineitem-" + rows + ".tbl.partial");
    SplittableRandom random = new SplittableRandom(19920101L);
    LocalDate start = LocalDate.of(1992, 1, 2);
    StringBuilder line = new StringBuilder(200);
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII)) {
      for (long i = 0; i < rows; i++) {
        line.setLength(0);
        int quantity = random.nextInt(1, 51);
        long partKey = random.nextInt(1, 200_001);
        long priceCents = quantity * (90_000 + (partKey / 10) % 20_001 + 100 * (partKey % 1_000));
        LocalDate ship = start.plusDays(random.nextInt(0, 2_526));
        line.append(i / 4 + 1)
            .append('|')
            .append(partKey)
            .append('|')
            .append(random.nextInt(1, 10_001))
            .append('|')
            .append(i % 7 + 1)
            .append('|')
            .append(quantity)
            .append(".00|")
            .append(priceCents / 100)
            .append('.')
            .append(two(priceCents % 100))
            .append('|')
            .append("0.")
            .append(two(random.nextInt(0, 11)))
            .append('|')
            .append("0.")
            .append(two(random.nextInt(0, 9)))
            .append('|')
            .append("RAN".charAt(random.nextInt(3)))
            .append('|')
            .append(random.nextBoolean() ? 'O' : 'F')
            .append('|')
            .append(ship)
            .append('|')
            .append(ship.plusDays(random.nextInt(30, 91)))
            .append('|')
            .append(ship.plusDays(random.nextInt(1, 31)))
            .append('|')
            .append(INSTRUCT[random.nextInt(INSTRUCT.length)])
            .append('|')
            .append(MODES[random.nextInt(MODES.length)])
            .append('|');
        comment(line, random);
        line.append('\n');
        out.append(line);
      }
    }
    Files.move(partial, file);
    return file;
  }

  private static String two(long v) {
    return v < 10 ? "0" + v : Long.toString(v);
  }

  private static void comment(StringBuilder line, SplittableRandom random) {
    int target = random.nextInt(10, 44);
    int begin = line.length();
    while (line.length() - begin < target) {
      if (line.length() > begin) {
        line.append(' ');
      }
      line.append(WORDS[random.nextInt(WORDS.length)]);
    }
    line.setLength(begin + Math.min(target, line.length() - begin));
  }
}
