package io.sluice.cli.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * CPU time (user + system, from /proc) of every process the dispatch benchmark runs, by role: the
 * JVMs it was told about, this driver, and the catalog's PostgreSQL processes, each backend charged
 * to the process whose connection it serves. Wall-clock figures on a shared machine move with other
 * people's builds; CPU per execution does not, so this is what tells whether a change made dispatch
 * cheaper.
 *
 * <p>Backends are matched to their clients by the client's TCP port (pg_stat_activity) and the
 * socket inodes each client holds (/proc/PID/fd and /proc/net/tcp*). Background processes, and
 * backends that exited (their time is added to the postmaster's children's time), are "pg:other".
 *
 * <p>The JIT compiler threads of each JVM are ALSO counted apart ("jit:master" ...; part of
 * "master", not added to the total): in a one-minute window a fresh JVM still compiles, and that
 * fixed cost, divided by however many executions a loaded machine allowed, swamped the
 * per-execution cost of the code being measured.
 */
final class ProcessCpu {

  private static final long TICK_MILLIS = 10; // USER_HZ is 100 on every Linux we run on

  /** Prefix of the roles that count a JVM's JIT compiler threads (already in the JVM's own). */
  static final String JIT = "jit:";

  private final Jdbi jdbi;
  private final Path postmasterPidFile;
  private final Map<Long, String> roleByPid = new HashMap<>();

  /**
   * @param roles "role:pid" words, e.g. "master:123 worker:456 worker:789" (env SLUICE_BENCH_PIDS)
   */
  ProcessCpu(Jdbi jdbi, Path dataDir, String roles) {
    this.jdbi = jdbi;
    this.postmasterPidFile = dataDir.resolve("pgdata").resolve("postmaster.pid");
    roleByPid.put(ProcessHandle.current().pid(), "driver");
    if (roles != null) {
      for (String word : roles.trim().split("\\s+")) {
        int colon = word.indexOf(':');
        if (colon > 0) {
          roleByPid.put(Long.parseLong(word.substring(colon + 1)), word.substring(0, colon));
        }
      }
    }
  }

  /** CPU milliseconds so far, by role ("master", "worker", "pg:master", "pg:other" ...). */
  Map<String, Long> sample() {
    Map<String, Long> millis = new TreeMap<>();
    for (Map.Entry<Long, String> e : roleByPid.entrySet()) {
      millis.merge(e.getValue(), cpuMillis(e.getKey(), false), Long::sum);
      millis.merge(JIT + e.getValue(), compilerMillis(e.getKey()), Long::sum);
    }
    long postmaster = postmasterPid();
    if (postmaster <= 0) {
      return millis;
    }
    Map<Integer, String> roleByPort = clientPorts();
    Map<Long, String> backendRole = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select pid, client_port from pg_stat_activity where client_port is not null")
                .map((rs, ctx) -> Map.entry(rs.getLong("pid"), rs.getInt("client_port")))
                .forEach(
                    e -> {
                      String role = roleByPort.get(e.getValue());
                      if (role != null) {
                        backendRole.put(e.getKey(), "pg:" + role);
                      }
                    }));
    millis.merge("pg:other", cpuMillis(postmaster, true), Long::sum);
    for (long child : children(postmaster)) {
      millis.merge(backendRole.getOrDefault(child, "pg:other"), cpuMillis(child, false), Long::sum);
    }
    return millis;
  }

  /** Per role, the CPU milliseconds between two samples divided by {@code executions}. */
  static Map<String, Double> perExecution(
      Map<String, Long> before, Map<String, Long> after, long executions) {
    Map<String, Double> result = new TreeMap<>();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      result.put(e.getKey(), executions == 0 ? Double.NaN : (double) spent / executions);
    }
    return result;
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime (+ cutime + cstime of waited children when asked), in milliseconds. */
  private static long cpuMillis(long pid, boolean withWaitedChildren) {
    List<String> fields = statFields(pid);
    if (fields.isEmpty()) {
      return 0;
    }
    // Fields after the command name, numbered as in proc(5) minus 3: utime is field 14.
    long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    if (withWaitedChildren) {
      ticks += Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
    }
    return ticks * TICK_MILLIS;
  }

  /** utime + stime of the JVM's JIT compiler threads ("C2 CompilerThre", "C1 CompilerThre"). */
  private static long compilerMillis(long pid) {
    long ticks = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (comm.contains("CompilerThre")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (IOException | RuntimeException threadEnded) {
          // a compiler thread that ended took its time with it
        }
      }
    } catch (IOException gone) {
      return 0;
    }
    return ticks * TICK_MILLIS;
  }

  /** The fields of /proc/PID/stat after "(comm)"; empty if the process is gone. */
  private static List<String> statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException gone) {
      return List.of();
    }
  }

  private static List<Long> children(long parent) {
    List<Long> children = new java.util.ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        long pid = Long.parseLong(p.getFileName().toString());
        List<String> fields = statFields(pid);
        if (!fields.isEmpty() && Long.parseLong(fields.get(1)) == parent) {
          children.add(pid);
        }
      }
    } catch (IOException e) {
      // no /proc: no children counted
    }
    return children;
  }

  /** Local TCP port of every socket the known processes hold, with the holder's role. */
  private Map<Integer, String> clientPorts() {
    Map<Long, String> roleByInode = new HashMap<>();
    for (Map.Entry<Long, String> e : roleByPid.entrySet()) {
      try (DirectoryStream<Path> fds =
          Files.newDirectoryStream(Path.of("/proc", e.getKey().toString(), "fd"))) {
        for (Path fd : fds) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              roleByInode.put(
                  Long.parseLong(target.substring(8, target.length() - 1)), e.getValue());
            }
          } catch (IOException | RuntimeException closedMeanwhile) {
            // skip it
          }
        }
      } catch (IOException gone) {
        // the process ended
      }
    }
    Map<Integer, String> roleByPort = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          String role = roleByInode.get(Long.parseLong(f[9]));
          if (role != null) {
            String local = f[1];
            roleByPort.put(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16), role);
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such table
      }
    }
    return roleByPort;
  }
}
