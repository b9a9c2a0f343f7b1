package org.lamindb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.StorageException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Transform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin load [artifact|transform] --key K | --uid U | <uid or key>}: syncs an artifact into
 * the cache, or a transform's source code into the working directory (as {@code <cwd>/<key>}), and
 * prints the local path on the last line. Without an entity, a key that names no artifact is looked
 * up among transforms.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Sync an artifact into the local cache, or a transform's source into the working"
            + " directory; prints the local path on the last line.")
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ARGS",
      arity = "0..2",
      description =
          "[artifact|transform] <uid, uid stem or key>, or lamin://owner/name/artifact/<uid or key>")
  List<String> args = List.of();

  @Option(names = "--key", description = "Key of the artifact or transform (latest version).")
  String key;

  @Option(names = "--uid", description = "uid or uid stem.")
  String uid;

  @Option(names = "--force", description = "Transforms: overwrite a different file at <cwd>/<key>.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    List<String> a = new ArrayList<>(args);
    String entity =
        !a.isEmpty() && (a.get(0).equals("artifact") || a.get(0).equals("transform"))
            ? a.remove(0)
            : null;
    String r = key != null ? key : uid != null ? uid : a.isEmpty() ? null : a.get(0);
    if (r == null) {
      throw new InvalidArgumentException("pass --key <key>, --uid <uid> or a uid/key argument");
    }
    if (TransferCommand.Ref.isUri(r)) {
      TransferCommand.Ref ref = TransferCommand.Ref.of(r, null);
      try (LaminDB db = org.lamindb.LaminSetup.fromEnvironment().db(ref.instance())) {
        spec.commandLine().getOut().println(db.artifactByUidOrKey(ref.artifact(), false).cache());
      }
      return 0;
    }
    try (LaminDB ln = Cli.connect()) {
      NotFoundException noArtifact = null;
      if (!"transform".equals(entity)) {
        try {
          Artifact art = ln.artifactByUidOrKey(r, false);
          spec.commandLine().getOut().println(art.cache());
          return 0;
        } catch (NotFoundException e) {
          if ("artifact".equals(entity)) {
            throw e;
          }
          noArtifact = e;
        }
      }
      Optional<Transform> found = transform(ln, r);
      if (found.isEmpty() && noArtifact != null) {
        throw noArtifact; // neither: the artifact's message, as before transforms were loadable
      }
      Transform t =
          found.orElseThrow(
              () ->
                  new NotFoundException(
                      "no transform with uid or key '"
                          + r
                          + "'; list them with `lamin list transform`"));
      Path written = writeSource(t, Path.of("").toAbsolutePath());
      spec.commandLine().getOut().println(written);
    }
    return 0;
  }

  private static Optional<Transform> transform(LaminDB ln, String ref) {
    if (ref.matches("[A-Za-z0-9]{12,16}")) {
      try {
        return Optional.of(ln.transforms().get(ref));
      } catch (NotFoundException notUid) {
        // a key that looks like a uid
      }
    }
    return ln.transforms().filter("key", ref).orderBy("-is_latest", "-created_at", "-id").first();
  }

  /**
   * Writes the transform's source code to {@code dir/<key>}; a file there with other content is
   * only replaced with {@code --force}.
   */
  private Path writeSource(Transform t, Path dir) throws IOException {
    String code = t.sourceCode();
    if (code == null) {
      throw new NotFoundException(
          "transform '" + t.key() + "' (" + t.uid() + ") has no source code stored");
    }
    Path target = dir.resolve(t.key()).normalize();
    if (!target.startsWith(dir) || t.key().isBlank()) {
      throw new InvalidArgumentException(
          "transform key '" + t.key() + "' is not a relative path below " + dir);
    }
    if (Files.exists(target)
        && !Files.readString(target, StandardCharsets.UTF_8).equals(code)
        && !force) {
      throw new StorageException(
          target + " exists with other content; pass --force to overwrite it");
    }
    Files.createDirectories(target.getParent());
    Files.writeString(target, code, StandardCharsets.UTF_8);
    return target;
  }
}
