package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lamindb.LaminException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lamin} command: git-style subcommands mirroring LaminDB's CLI. Every error prints in
 * one style, {@code ✗ <message>} (see {@link Errors}): errors of lamindb-java exit 1, bad command
 * lines and unexpected errors 2; {@code --verbose} adds the stack trace.
 */
@Command(
    name = "lamin",
    mixinStandardHelpOptions = true,
    versionProvider = Lamin.Version.class,
    description =
        "LaminDB on the JVM: manage instances, save and load artifacts, query registries.",
    subcommands = {
      InitCommand.class,
      ConnectCommand.class,
      InstanceCommand.class,
      DisconnectCommand.class,
      InfoCommand.class,
      SettingsCommand.class,
      LoginCommand.class,
      DeleteCommand.class,
      MigrateCommand.class,
      SaveCommand.class,
      LoadCommand.class,
      DescribeCommand.class,
      RestoreCommand.class,
      RepairCommand.class,
      ListCommand.class,
      SearchCommand.class,
      ValidateCommand.class,
      CurateCommand.class,
      AnnotateCommand.class,
      TrackCommand.class,
      FinishCommand.class,
      LineageCommand.class,
      CreateCommand.class,
      org.lamindb.cli.ontology.OntologyCommand.class,
      BatchesCommand.class,
      UiCommand.class,
      NoteCommand.class,
      CollectionCommand.class,
      QueryCommand.class,
      TransferCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Lamin implements Callable<Integer> {

  @Option(
      names = "--verbose",
      description = "Print stack traces and debug logs.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    if (verbose) {
      Logging.configure(true);
    }
    CommandLine cl = new CommandLine(new Lamin());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (verbose) {
            ex.printStackTrace(cmd.getErr());
          }
          cmd.getErr().println(Errors.line(ex, verbose));
          return ex instanceof LaminException ? 1 : 2;
        });
    cl.setParameterExceptionHandler(
        (ex, params) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr()
              .println(
                  Errors.PREFIX
                      + ex.getMessage()
                      + " (see: "
                      + cmd.getCommandSpec().qualifiedName()
                      + " --help)");
          return 2;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Prints the version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Lamin.class.getPackage().getImplementationVersion();
      return new String[] {"lamin (lamindb-java) " + (v == null ? "dev" : v)};
    }
  }
}
