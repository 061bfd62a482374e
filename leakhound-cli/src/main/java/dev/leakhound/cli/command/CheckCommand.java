package dev.leakhound.cli.command;

import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.Output;
import dev.leakhound.cli.UsageException;
import dev.leakhound.cli.VersionProvider;
import dev.leakhound.cli.watch.ConfigFiles;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.check.CheckJunitRenderer;
import dev.leakhound.server.check.CheckResult;
import dev.leakhound.server.check.CheckRun;
import dev.leakhound.server.check.CheckTextRenderer;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.watch.TargetRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakhound check}: a CI gate that watches while a load test runs. */
@Command(
    name = "check",
    description =
        "Watch the configured services for a while (during a load test) and exit 3 with the"
            + " report if one leaks.",
    mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config.")
  Path config;

  @Option(
      names = "--duration",
      required = true,
      paramLabel = "DURATION",
      description = "How long to watch, e.g. 10m.")
  String duration;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or junit (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "-o", paramLabel = "FILE", description = "Write the result here.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Renderer<CheckResult> renderer =
        switch (format) {
          case text -> new CheckTextRenderer();
          case json -> new JsonRenderer<>();
          case junit -> new CheckJunitRenderer();
          case pprof -> throw new UsageException("check writes text, json or junit, not pprof");
        };
    Duration d = Units.parseDuration(duration);
    if (d == null || d.isZero()) {
      throw new UsageException(
          "--duration must be a duration like 10m or 90s, not '" + duration + "'");
    }
    WatchConfig c = ConfigFiles.load(config);
    PrintWriter err = spec.commandLine().getErr();
    CheckResult result;
    try (WatchService service = WatchService.start(c, VersionProvider.version())) {
      Thread hook = new Thread(service::close);
      Runtime.getRuntime().addShutdownHook(hook);
      long started = System.currentTimeMillis();
      long deadline = started + d.toMillis();
      err.printf(
          "leakhound check: watching %d target%s for %s (API at %s/api/v1/targets)%n",
          c.targets().size(),
          c.targets().size() == 1 ? "" : "s",
          Units.formatDuration(d),
          service.baseUrl());
      err.flush();
      long step = Math.max(5_000, Math.min(60_000, c.evaluation().interval().toMillis()));
      while (System.currentTimeMillis() < deadline) {
        Thread.sleep(Math.min(step, Math.max(1, deadline - System.currentTimeMillis())));
        status(err, service, started, d);
      }
      service.evaluate();
      service.watcher().awaitIdle(Duration.ofMinutes(2));
      result = CheckRun.collect(service, started, System.currentTimeMillis());
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    Output.write(renderer, result, output);
    return result.leakFound() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }

  private static void status(PrintWriter err, WatchService service, long started, Duration d) {
    List<String> parts = new ArrayList<>();
    for (TargetRuntime rt : service.watcher().targets()) {
      parts.add(rt.name() + " " + rt.state().id());
    }
    err.printf(
        "leakhound check: %s of %s: %s%n",
        Units.formatDuration(Duration.ofMillis(System.currentTimeMillis() - started)),
        Units.formatDuration(d),
        String.join(", ", parts));
    err.flush();
  }
}
