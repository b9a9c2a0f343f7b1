package org.lamindb.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lamindb.LaminDB;
import org.lamindb.ui.UiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lamin ui}: serve the local web app for the current (or a named) instance. */
@Command(
    mixinStandardHelpOptions = true,
    name = "ui",
    description =
        "Start the local web app: browse, search and edit the instance; prints the URL (with the"
            + " token that enables writes) and serves until Ctrl-C.")
final class UiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "" + UiServer.DEFAULT_PORT,
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--instance",
      description = "Instance to serve (name or owner/name); default: the current one.")
  String instance;

  @Option(names = "--read-only", description = "Refuse every write.")
  boolean readOnly;

  @Override
  public Integer call() throws InterruptedException {
    LaminDB ln = instance == null ? Cli.connect() : LaminDB.connect(instance);
    UiServer.Builder b = UiServer.builder(ln).host(host).port(port).readOnly(readOnly);
    if (b.exposed()) {
      spec.commandLine()
          .getErr()
          .println(
              "! --host "
                  + host
                  + " exposes this instance to the network; anyone who can reach it can read it"
                  + (readOnly ? "" : " (writes still need the printed token)"));
    }
    UiServer ui = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ui.close();
                  ln.close();
                  stopped.countDown();
                },
                "lamin-ui-stop"));
    var out = spec.commandLine().getOut();
    out.println("→ serving " + ln.slug() + (readOnly ? " (read-only)" : "") + " at");
    out.println(ui.url());
    out.flush();
    stopped.await();
    return 0;
  }
}
