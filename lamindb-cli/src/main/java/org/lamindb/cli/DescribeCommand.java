package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin describe <key|uid>}: print an artifact's describe tree. */
@Command(
    name = "describe",
    description = "Describe an artifact: general info, storage path, lineage, labels, features.")
final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ARGS", arity = "0..2", description = "[artifact] <uid or key>")
  java.util.List<String> args = java.util.List.of();

  @Option(names = "--key", description = "Key of the artifact.")
  String key;

  @Option(names = "--uid", description = "uid of the artifact.")
  String uid;

  @Override
  public Integer call() {
    java.util.List<String> a = new java.util.ArrayList<>(args);
    if (!a.isEmpty() && a.get(0).equals("artifact")) {
      a.remove(0);
    }
    String r = key != null ? key : uid != null ? uid : a.isEmpty() ? null : a.get(0);
    if (r == null) {
      throw new InvalidArgumentException(
          "pass the artifact's uid or key, e.g. lamin describe examples/myfile.txt");
    }
    try (LaminDB ln = Cli.connect()) {
      spec.commandLine().getOut().print(ln.artifactByUidOrKey(r, true).describeText());
    }
    return 0;
  }
}
