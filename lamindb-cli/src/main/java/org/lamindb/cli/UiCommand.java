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
      description =
          "Instance to serve: name or owner/name (connected, writable), or a SQLite file, storage"
              + " folder, sqlite: or postgresql:// URL (opened read-only with LaminDB.db);"
              + " default: the current one.")
  String instance;

  @Option(names = "--read-only", description = "Refuse every write.")
  boolean readOnly;

  @Override
  public Integer call() throws InterruptedException {
    LaminDB ln = open(instance);
    boolean ro = readOnly || ln.isReadOnly();
    UiServer.Builder b = UiServer.builder(ln).host(host).port(port).readOnly(ro);
    if (b.exposed()) {
      spec.commandLine()
          .getErr()
          .println(
              "! --host "
                  + host
                  + " exposes this instance to the network; anyone who can reach it can read it"
                  + (ro ? "" : " (writes still need the printed token)"));
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
    out.println("→ serving " + ln.slug() + (ro ? " (read-only)" : "") + " at");
    out.println(ui.url());
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * Opens what {@code --instance} names: nothing is the current instance, a name or owner/name is
   * connected (writable), a path or URL is opened read-only with {@link LaminDB#db(String)}.
   */
  static LaminDB open(String instance) {
    if (instance == null) {
      return Cli.connect();
    }
    return isLocation(instance) ? LaminDB.db(instance) : LaminDB.connect(instance);
  }

  /**
   * @return whether {@code ref} is a SQLite file or folder, a {@code sqlite:} or a {@code
   *     postgresql://} URL rather than an instance name
   */
  static boolean isLocation(String ref) {
    if (ref.contains("://") || ref.startsWith("sqlite:") || ref.endsWith(".db")) {
      return !ref.startsWith("lamin://");
    }
    if (ref.startsWith("/") || ref.startsWith(".") || ref.startsWith("~")) {
      return true;
    }
    return ref.chars().filter(c -> c == '/').count() > 1
        || java.nio.file.Files.isDirectory(java.nio.file.Path.of(ref));
  }
}
