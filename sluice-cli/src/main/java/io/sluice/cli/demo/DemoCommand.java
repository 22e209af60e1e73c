package io.sluice.cli.demo;

import picocli.CommandLine.Command;

/** {@code sluice demo}: the main job on the embedded default. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Deploy the example project into the embedded catalog and show what is in it.")
public final class DemoCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("demo: not built yet");
  }
}
