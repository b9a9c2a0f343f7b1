package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin load --key K | <uid>}: sync an artifact into the cache and print its local path. */
@Command(
    name = "load",
    description = "Sync an artifact into the local cache; prints its local path on the last line.")
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "UID_OR_KEY", arity = "0..1", description = "uid, uid stem or key")
  String ref;

  @Option(names = "--key", description = "Key of the artifact (latest version).")
  String key;

  @Option(names = "--uid", description = "uid or 16-character uid stem.")
  String uid;

  @Override
  public Integer call() {
    String r = key != null ? key : uid != null ? uid : ref;
    if (r == null) {
      throw new InvalidArgumentException("pass --key <key>, --uid <uid> or a uid/key argument");
    }
    try (LaminDB ln = Cli.connect()) {
      Artifact a = ln.artifactByUidOrKey(r, false);
      spec.commandLine().getOut().println(a.cache());
    }
    return 0;
  }
}
