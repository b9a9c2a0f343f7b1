package org.lamindb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin collection create <key> <artifact key|uid>... [--description]} and {@code lamin
 * collection append <key> <artifact>}: versioned collections of saved artifacts.
 */
@Command(
    name = "collection",
    mixinStandardHelpOptions = true,
    description = "Create collections of saved artifacts and append to them (new versions).",
    subcommands = {CollectionCommand.Create.class, CollectionCommand.Append.class})
public final class CollectionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /**
   * @return the artifact with this uid (or uid stem), else the latest with this key
   */
  static Artifact artifact(LaminDB ln, String keyOrUid) {
    Optional<Artifact> byKey =
        ln.artifacts().filter("key", keyOrUid).filter("is_latest", true).first();
    if (byKey.isPresent()) {
      return byKey.get();
    }
    if (keyOrUid.matches("[A-Za-z0-9]{16}([A-Za-z0-9]{4})?")) {
      return ln.artifacts().get(keyOrUid);
    }
    throw new NotFoundException(
        "no artifact with key or uid '" + keyOrUid + "'; `lamin list artifact` shows them");
  }

  /**
   * @return the collection with this uid (or stem), else the latest version with this key
   */
  static Collection collection(LaminDB ln, String keyOrUid) {
    Optional<Collection> byKey =
        ln.collections().filter("key", keyOrUid).filter("is_latest", true).first();
    if (byKey.isPresent()) {
      return byKey.get();
    }
    if (keyOrUid.matches("[A-Za-z0-9]{16}([A-Za-z0-9]{4})?")) {
      return ln.collections().get(keyOrUid);
    }
    throw new NotFoundException(
        "no collection with key or uid '"
            + keyOrUid
            + "'; `lamin list collection` shows them, `lamin collection create` makes one");
  }

  /** {@code lamin collection create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a collection (or a new version of its key) from saved artifacts.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<key>", description = "Key of the collection.")
    String key;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "<artifact>",
        description = "Artifact keys or uids, in order.")
    List<String> artifacts = new ArrayList<>();

    @Option(names = "--description", description = "Description of the collection.")
    String description;

    @Override
    public Integer call() {
      try (LaminDB ln = Cli.connect()) {
        List<Artifact> members = new ArrayList<>();
        for (String a : artifacts) {
          members.add(artifact(ln, a));
        }
        Optional<Collection> latest =
            ln.collections().filter("key", key).filter("is_latest", true).first();
        java.time.OffsetDateTime before =
            java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Collection c =
            latest.isPresent()
                ? latest.get().revise(members)
                : ln.collection(members).key(key).description(description).save();
        if (description != null && latest.isPresent()) {
          c.description(description).save();
        }
        if (c.createdAt() != null && c.createdAt().isBefore(before)) {
          // LaminDB's message; the Java API logs the same with an ln.collections().get() hint
          spec.commandLine()
              .getOut()
              .println("→ returning existing collection with same hash: " + c.uid());
        }
        spec.commandLine()
            .getOut()
            .println(
                "→ collection uid="
                    + c.uid()
                    + " key="
                    + c.key()
                    + " version="
                    + c.version()
                    + " artifacts="
                    + members.size());
      }
      return 0;
    }
  }

  /** {@code lamin collection append}. */
  @Command(
      name = "append",
      mixinStandardHelpOptions = true,
      description = "Append an artifact to a collection: saves a new version.")
  static final class Append implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<key>", description = "Collection key or uid.")
    String key;

    @Parameters(index = "1", paramLabel = "<artifact>", description = "Artifact key or uid.")
    String artifact;

    @Override
    public Integer call() {
      try (LaminDB ln = Cli.connect()) {
        Collection c = collection(ln, key);
        Artifact a = artifact(ln, artifact);
        if (c.ordered().stream().anyMatch(m -> m.uid().equals(a.uid()))) {
          throw new InvalidArgumentException(
              "artifact " + a.uid() + " is already a member of collection " + c.uid());
        }
        Collection next = c.append(a);
        spec.commandLine()
            .getOut()
            .println(
                "→ collection uid="
                    + next.uid()
                    + " key="
                    + next.key()
                    + " version="
                    + next.version()
                    + " artifacts="
                    + next.ordered().size());
      }
      return 0;
    }
  }
}
