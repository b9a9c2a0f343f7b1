package org.lamindb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.StorageException;
import org.lamindb.model.Note;
import org.lamindb.model.Notes;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin note <registry> <key|uid> --readme FILE | --comment TEXT}: set the readme (a new
 * version) or add a comment; {@code lamin note show <registry> <key|uid>} prints the notes.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "note",
    description =
        "Set the markdown readme of an entity (a new version) or add a comment; `lamin note show`"
            + " prints them.",
    subcommands = {NoteCommand.Show.class})
final class NoteCommand implements Callable<Integer> {
  static final List<String> REGISTRIES =
      List.of("artifact", "collection", "transform", "run", "record", "project");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "REGISTRY",
      description = "artifact, collection, transform, run, record or project.")
  String registry;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "KEY_OR_UID",
      description = "Key or uid (records and projects: name or uid).")
  String ref;

  @ArgGroup(multiplicity = "0..1")
  What what;

  static final class What {
    @Option(names = "--readme", paramLabel = "FILE", description = "Markdown file: the new readme.")
    Path readme;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A comment (markdown).")
    String comment;
  }

  @Override
  public Integer call() {
    if (registry == null || ref == null || what == null) {
      throw new InvalidArgumentException(
          "usage: lamin note <registry> <key|uid> --readme FILE | --comment TEXT, or lamin note"
              + " show <registry> <key|uid>");
    }
    try (LaminDB ln = Cli.connect()) {
      Notes notes = notes(ln, registry, ref);
      PrintWriter out = spec.commandLine().getOut();
      if (what.readme != null) {
        String md;
        try {
          md = Files.readString(what.readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new StorageException("cannot read " + what.readme + ": " + e.getMessage(), e);
        }
        Note n = notes.setReadme(md);
        out.println("→ readme " + n.uid() + " of " + registry + " " + n.hostUid());
      } else {
        Note n = notes.comment(what.comment);
        out.println("→ comment " + n.uid() + " on " + registry + " " + n.hostUid());
      }
    }
    return 0;
  }

  /**
   * @return the notes of the entity {@code ref} of {@code registry}
   */
  static Notes notes(LaminDB ln, String registry, String ref) {
    String r = registry.toLowerCase(Locale.ROOT);
    return switch (r) {
      case "artifact" -> ln.artifactByUidOrKey(ref, false).notes();
      case "collection" -> one(ln.collections(), ref, "key", r).notes();
      case "transform" -> one(ln.transforms(), ref, "key", r).notes();
      case "run" -> one(ln.runs(), ref, null, r).notes();
      case "record" -> one(ln.records(), ref, "name", r).notes();
      case "project" -> one(ln.projects(), ref, "name", r).notes();
      default ->
          throw new InvalidArgumentException(
              "no notes on '" + registry + "': use one of " + String.join(", ", REGISTRIES));
    };
  }

  private static <T extends SQLRecord<?>> T one(
      QuerySet<T> q, String ref, String field, String what) {
    Optional<T> byUid = q.filter("uid", ref).first();
    if (byUid.isPresent()) {
      return byUid.get();
    }
    if (ref.length() >= 12) {
      Optional<T> byStem = q.filter("uid__startswith", ref).orderBy("-id").first();
      if (byStem.isPresent()) {
        return byStem.get();
      }
    }
    if (field != null) {
      QuerySet<T> named = q.filter(field, ref);
      if (q.registry().field("is_latest").isPresent()) {
        named = named.filter("is_latest", true);
      }
      Optional<T> found = named.orderBy("-id").first();
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new NotFoundException(
        "no " + what + " with uid" + (field == null ? "" : " or " + field) + " '" + ref + "'");
  }

  /** {@code lamin note show <registry> <key|uid>}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "show",
      description = "Print the latest readme and the comments of an entity.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "REGISTRY",
        description = "artifact, collection, transform, run, record or project.")
    String registry;

    @Parameters(
        index = "1",
        paramLabel = "KEY_OR_UID",
        description = "Key or uid (records and projects: name or uid).")
    String ref;

    @Option(names = "--all", description = "Also print earlier readme versions.")
    boolean all;

    @Override
    public Integer call() {
      try (LaminDB ln = Cli.connect()) {
        PrintWriter out = spec.commandLine().getOut();
        List<Note> notes = notes(ln, registry, ref).list();
        if (notes.isEmpty()) {
          out.println("no notes on " + registry + " " + ref);
        }
        for (Note n : notes) {
          if (n.kind().equals(Note.README) && !n.isLatest() && !all) {
            continue;
          }
          out.println(
              "── "
                  + n.kind()
                  + (n.kind().equals(Note.README) && !n.isLatest() ? " (earlier version)" : "")
                  + " "
                  + n.uid()
                  + " · "
                  + n.createdBy()
                  + " · "
                  + n.createdAt());
          out.println(n.content().stripTrailing());
        }
      }
      return 0;
    }
  }
}
