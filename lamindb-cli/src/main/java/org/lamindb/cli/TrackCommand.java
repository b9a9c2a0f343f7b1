package org.lamindb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ShellTracking;
import org.lamindb.lineage.Params;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin track [SCRIPT] [--key K] [--param k=v]...}: start a run for a shell or pipeline
 * step. The run is remembered for the working directory ({@code $LAMIN_RUN_UID} overrides it), so
 * {@code lamin load} and {@code lamin save} record inputs and outputs until {@code lamin finish}.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "track",
    description = {
      "Start a run for a shell or pipeline step; `lamin load`/`lamin save` in this directory then record the run's"
          + " inputs and outputs until `lamin finish`.",
      "Prints the run uid on the last line (export it as LAMIN_RUN_UID to use the run from other directories)."
    })
final class TrackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SCRIPT",
      arity = "0..1",
      description = "The step's script; its source is stored and versioned.")
  Path script;

  @Option(
      names = "--key",
      description = "Transform key (default: the script's file name), e.g. step.sh.")
  String key;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "A run parameter (repeatable); numbers and booleans are typed.")
  List<String> params = List.of();

  @Option(names = "--kind", description = "Transform kind: script (default) or pipeline.")
  String kind;

  @Option(names = "--description", description = "Transform description.")
  String description;

  @Option(
      names = "--project",
      description = "Project (name or uid) to link the transform and run to.")
  String project;

  @Option(
      names = "--uid",
      description = "Transform uid: a 12-character family stem or a 16-character version uid.")
  String uid;

  @Override
  public Integer call() {
    Path cwd = Path.of("").toAbsolutePath();
    Path source = script;
    if (source != null && !Files.isRegularFile(source)) {
      throw new InvalidArgumentException("no script at " + source.toAbsolutePath());
    }
    if (source == null && key != null && Files.isRegularFile(cwd.resolve(key))) {
      source = cwd.resolve(key);
    }
    if (source == null && key == null) {
      throw new InvalidArgumentException(
          "pass the step's script or --key, e.g. lamin track --key step.sh");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new InvalidArgumentException("--param needs NAME=VALUE, got '" + p + "'");
      }
      values.putAll(Params.fromArgs("--" + p));
    }
    TrackOptions o = TrackOptions.detect().params(values);
    if (key != null) {
      o.key(key);
    }
    if (uid != null) {
      o.uid(uid);
    }
    if (kind != null) {
      o.kind(kind);
    }
    if (description != null) {
      o.description(description);
    }
    if (project != null) {
      o.project(project);
    }
    try (LaminDB ln = Cli.connect()) {
      Run run = ShellTracking.start(ln, o, source, cwd);
      spec.commandLine().getOut().println(run.uid());
    }
    return 0;
  }
}
