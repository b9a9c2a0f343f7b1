package org.lamindb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin save <path>}: register a file or folder as an artifact. */
@Command(
    mixinStandardHelpOptions = true,
    name = "save",
    description = "Save a file or folder as an artifact; prints its uid, key and storage path.")
final class SaveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "file or folder")
  Path path;

  @Option(names = "--key", description = "Key (a virtual path such as examples/myfile.txt).")
  String key;

  @Option(names = "--description", description = "Description.")
  String description;

  @Option(names = "--kind", description = "Kind: dataset, model, or any string.")
  String kind;

  @Option(
      names = "--stem-uid",
      description = "Save as a new version of the artifact family with this 16-character uid stem.")
  String stemUid;

  @Option(
      names = "--files",
      description =
          "For a folder: save each file as its own artifact with key <key or folder name>/<relative path> (bulk).")
  boolean perFile;

  @Option(
      names = "--schema",
      paramLabel = "<name|uid>",
      description =
          "Validate the file against this schema (name or uid) and annotate the artifact; nothing is"
              + " saved when it does not validate (see lamin curate for the report).")
  String schema;

  @Override
  public Integer call() {
    if (!Files.exists(path)) {
      throw new InvalidArgumentException("no file or folder at " + path.toAbsolutePath());
    }
    try (LaminDB ln = Cli.connect()) {
      if (perFile) {
        if (schema != null) {
          throw new InvalidArgumentException(
              "--schema validates one file; it cannot be combined with --files");
        }
        if (!Files.isDirectory(path)) {
          throw new InvalidArgumentException("--files needs a folder; " + path + " is a file");
        }
        var saved = ln.saveFiles(path, key);
        long fresh = saved.stream().filter(a -> a.uid() != null).count();
        spec.commandLine()
            .getOut()
            .println(
                "→ saved "
                    + fresh
                    + " artifacts from "
                    + path
                    + " under key prefix "
                    + (key != null ? key : path.toAbsolutePath().normalize().getFileName()));
        return 0;
      }
      Artifact a = ln.artifact(path);
      if (key != null) {
        a.key(key);
      }
      if (description != null) {
        a.description(description);
      }
      if (kind != null) {
        a.kind(kind);
      }
      if (stemUid != null) {
        a.revises(ln.artifactByUidOrKey(stemUid, false));
      }
      if (ln.needsArtifactIdentity(path, key, description, stemUid != null)) {
        throw new InvalidArgumentException(
            "pass --key or --description when saving "
                + path
                + " outside a run (e.g. --key examples/"
                + path.getFileName()
                + ", or start a run with `lamin track`)");
      }
      if (schema != null) {
        a.schema(schema);
      }
      java.time.OffsetDateTime before =
          java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      a.save();
      var out = spec.commandLine().getOut();
      if (a.createdAt() != null && a.createdAt().isBefore(before)) {
        // LaminDB's message; the Java API logs the same with an ln.artifacts().get() hint
        out.println(
            "→ returning artifact with same hash: "
                + a.uid()
                + "; to track this artifact as an input, use: lamin load --uid "
                + a.uid());
      }
      out.println(
          "→ saved artifact uid="
              + a.uid()
              + " key="
              + (a.key() == null ? "" : a.key())
              + " version="
              + a.version());
      out.println("→ storage path: " + a.path());
      if (schema != null) {
        out.println("→ validated with schema " + a.schema().name() + " (" + a.schema().uid() + ")");
      }
    }
    return 0;
  }
}
