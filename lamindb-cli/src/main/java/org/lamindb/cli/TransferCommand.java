package org.lamindb.cli;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin transfer lamin://owner/name/artifact/<uid or key>... [--copy]} (or {@code --from
 * owner/name <uid or key>...}): registers artifacts of another instance in the current one with the
 * same uids, features and labels; prints one {@code <uid> <key>} line per artifact.
 */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description =
        "Register artifacts of another instance in the current one (same uid, hash, key, features"
            + " and labels; content referenced in place unless --copy).",
    footer = {
      "",
      "Examples:",
      "  lamin transfer lamin://laminlabs/cellxgene/artifact/KBW89Mf7IGcekja2",
      "  lamin transfer --from laminlabs/cellxgene datasets/pbmc.h5ad --copy"
    })
final class TransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ARTIFACT",
      arity = "1..*",
      description = "lamin://owner/name/artifact/<uid or key>, or a uid/key with --from")
  List<String> refs;

  @Option(names = "--from", paramLabel = "OWNER/NAME", description = "The source instance.")
  String from;

  @Option(names = "--copy", description = "Copy the content into this instance's default storage.")
  boolean copy;

  @Override
  public Integer call() {
    try (LaminDB ln = Cli.connect()) {
      for (String r : refs) {
        Ref ref = Ref.of(r, from);
        try (LaminDB db = LaminSetup.fromEnvironment().db(ref.instance())) {
          Artifact t = db.artifactByUidOrKey(ref.artifact(), false).transferTo(ln, copy);
          spec.commandLine().getOut().println(t.uid() + " " + (t.key() == null ? "" : t.key()));
        }
      }
    }
    return 0;
  }

  /** An artifact of another instance: {@code owner/name} and the artifact's uid or key. */
  record Ref(String instance, String artifact) {
    static boolean isUri(String s) {
      return s.startsWith("lamin://");
    }

    /**
     * @return the reference {@code s} names, a {@code lamin://} URI or a uid/key of {@code from}
     */
    static Ref of(String s, String from) {
      if (!isUri(s)) {
        if (from == null) {
          throw new InvalidArgumentException(
              "'"
                  + s
                  + "' is not a lamin:// URI; pass lamin://owner/name/artifact/<uid or key> or"
                  + " --from owner/name");
        }
        return new Ref(from, s);
      }
      URI u = URI.create(s.replace(" ", "%20"));
      String p = u.getPath() == null ? "" : u.getPath();
      String[] parts = p.startsWith("/") ? p.substring(1).split("/", 3) : new String[0];
      if (u.getAuthority() == null
          || parts.length < 3
          || !parts[1].equals("artifact")
          || parts[2].isEmpty()) {
        throw new InvalidArgumentException(
            "'" + s + "' names no artifact; use lamin://owner/name/artifact/<uid or key>");
      }
      return new Ref(u.getAuthority() + "/" + parts[0], parts[2]);
    }
  }
}
