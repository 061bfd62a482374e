package dev.leakhound.cli.command;

import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.VersionProvider;
import dev.leakhound.cli.watch.ConfigFiles;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.config.WatchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakhound serve}: the watch service, until stopped (Ctrl-C or SIGTERM). */
@Command(
    name = "serve",
    description =
        "Watch the configured services: collect, store, detect, diagnose, alert, and serve the"
            + " API, /metrics and the dashboard. Runs until stopped (Ctrl-C, SIGTERM).",
    mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The YAML configuration (default: ./leakhound.yaml).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WatchConfig c = ConfigFiles.load(config);
    PrintWriter err = spec.commandLine().getErr();
    WatchService service = WatchService.start(c, VersionProvider.version());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  err.println("leakhound serve: stopped");
                  err.flush();
                  stopped.countDown();
                }));
    describe(err, c, service);
    stopped.await();
    return ExitCodes.OK;
  }

  static void describe(PrintWriter err, WatchConfig c, WatchService service) {
    String base = service.baseUrl();
    err.printf(
        "leakhound serve: watching %d target%s, judging every %s%n",
        c.targets().size(),
        c.targets().size() == 1 ? "" : "s",
        Units.formatDuration(c.evaluation().interval()));
    err.printf("  API        %s/api/v1/targets%n", base);
    err.printf("  dashboard  %s/dashboard/%n", base);
    err.printf("  metrics    %s/metrics%n", base);
    err.printf("  store      %s%n", service.store().file());
    if (!c.listen().isLoopback() && c.token() == null) {
      err.printf(
          "leakhound serve: warning: listening on %s without a token: anyone who can reach it"
              + " can download heap profiles (set token or tokenFile)%n",
          c.listen());
    }
    err.flush();
  }
}
