package io.sluice.engine.dataflow.transform.sampling;

import io.sluice.engine.dataflow.pipeline.Settings;
import java.security.SecureRandom;
import java.util.Random;

/**
 * The random source of a sampling: from {@code seed} when set (the same input gives the same
 * sample, SSIS's "use the following random seed"), else a new seed per run.
 */
final class Seeds {

  private Seeds() {}

  /** The seed written, or null for a new one per run; read at planning so typos fail early. */
  static Long written(Settings settings) {
    return settings.has("seed") ? settings.number("seed", 0) : null;
  }

  static Random random(Long seed) {
    return new Random(seed == null ? new SecureRandom().nextLong() : seed);
  }
}
