package org.lamindb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin describe [artifact|transform|run|collection|record|project|ulabel] <uid|key|name>}:
 * prints a record's describe tree. Artifacts are the default entity.
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Describe an artifact (default), transform, run, collection, record, project or ulabel.")
final class DescribeCommand implements Callable<Integer> {
  /** Entities this command describes, as LaminDB's CLI names them. */
  static final Set<String> ENTITIES =
      Set.of("artifact", "transform", "run", "collection", "record", "project", "ulabel");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ARGS",
      arity = "0..2",
      description = "[entity] <uid, key or name>, e.g. run 5Fq3xT8, transform pipeline.py")
  List<String> args = List.of();

  @Option(names = "--key", description = "Key of the artifact, transform or collection.")
  String key;

  @Option(names = "--uid", description = "uid (or uid prefix) of the record.")
  String uid;

  @Option(names = "--name", description = "Name of the record, project or ulabel.")
  String name;

  @Override
  public Integer call() {
    List<String> a = new ArrayList<>(args);
    String entity = !a.isEmpty() && ENTITIES.contains(a.get(0)) ? a.remove(0) : "artifact";
    String r =
        key != null ? key : uid != null ? uid : name != null ? name : a.isEmpty() ? null : a.get(0);
    if (r == null) {
      throw new InvalidArgumentException(
          "pass a uid, key or name, e.g. lamin describe examples/myfile.txt or lamin describe run"
              + " <uid>");
    }
    try (LaminDB ln = Cli.connect()) {
      SQLRecord<?> rec = find(ln, entity, r, uid != null);
      spec.commandLine().getOut().print(rec.describeText());
    }
    return 0;
  }

  /**
   * @return the record of {@code entity} with uid {@code ref}, else with that key or name (the
   *     latest version)
   */
  static SQLRecord<?> find(LaminDB ln, String entity, String ref, boolean uidOnly) {
    if (entity.equals("artifact")) {
      return ln.artifactByUidOrKey(ref, true);
    }
    QuerySet<SQLRecord<?>> q = ln.registry(entity);
    if (ref.matches("[A-Za-z0-9]+")) {
      try {
        return q.get(ref);
      } catch (NotFoundException notUid) {
        if (uidOnly) {
          throw notUid;
        }
      }
    }
    String field =
        q.registry().field("key").isPresent()
            ? "key"
            : q.registry().field("name").isPresent() ? "name" : q.registry().nameField();
    QuerySet<SQLRecord<?>> byName = q.filter(field, ref);
    if (q.registry().field("is_latest").isPresent()) {
      byName = byName.orderBy("-is_latest", "-created_at", "-id");
    } else {
      byName = byName.orderBy("-id");
    }
    return byName
        .first()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no "
                        + entity
                        + " with uid or "
                        + field
                        + " '"
                        + ref
                        + "'; list them with"
                        + " `lamin list "
                        + entity
                        + "`"));
  }
}
