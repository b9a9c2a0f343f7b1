package org.lamindb.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Project;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin annotate <key|uid> --ulabel X --project Y --record Z --feature k=v}: label an
 * artifact and add feature values, with the same validation as {@code
 * artifact.features().addValues(...)}. Labels, projects and records must exist; every unknown name
 * and bad value is reported at once and nothing is written then.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "annotate",
    description =
        "Annotate an artifact with labels, projects, records and feature values (validated).")
public final class AnnotateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ARGS", arity = "0..2", description = "[artifact] <uid or key>")
  List<String> args = List.of();

  @Option(names = "--key", description = "Key of the artifact.")
  String key;

  @Option(names = "--uid", description = "uid of the artifact.")
  String uid;

  @Option(names = "--ulabel", description = "Name of an existing ULabel to link (repeatable).")
  List<String> ulabels = new ArrayList<>();

  @Option(names = "--project", description = "Name of an existing Project to link (repeatable).")
  List<String> projects = new ArrayList<>();

  @Option(names = "--record", description = "Name of an existing Record to link (repeatable).")
  List<String> records = new ArrayList<>();

  @Option(
      names = {"--feature", "--features"},
      description =
          "Feature value as name=value, parsed by the feature's dtype (repeatable; repeat a name for "
              + "several values).")
  List<String> features = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> a = new ArrayList<>(args);
    if (!a.isEmpty() && a.get(0).equals("artifact")) {
      a.remove(0);
    }
    String ref = key != null ? key : uid != null ? uid : a.isEmpty() ? null : a.get(0);
    if (ref == null) {
      throw new InvalidArgumentException(
          "pass the artifact's uid or key, e.g. lamin annotate examples/myfile.txt --ulabel 'My label'");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String kv : features) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new InvalidArgumentException("--feature takes name=value, got '" + kv + "'");
      }
      values
          .computeIfAbsent(kv.substring(0, eq).trim(), k -> new ArrayList<>())
          .add(kv.substring(eq + 1));
    }
    try (LaminDB ln = Cli.connect()) {
      Artifact artifact = ln.artifactByUidOrKey(ref, false);
      List<String> problems = new ArrayList<>();
      List<ULabel> u = find(ln, "ulabel", ulabels, ULabel.class, problems);
      List<Project> p = find(ln, "project", projects, Project.class, problems);
      List<Record> r = find(ln, "record", records, Record.class, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(String.join("\n", problems), problems);
      }
      if (!values.isEmpty()) {
        artifact.features().addValuesFromText(values);
      }
      artifact.ulabels().add(u);
      artifact.projects().add(p);
      artifact.records().add(r);
      spec.commandLine()
          .getOut()
          .println(
              "annotated Artifact('"
                  + artifact.uid()
                  + "'): "
                  + u.size()
                  + " ulabels, "
                  + p.size()
                  + " projects, "
                  + r.size()
                  + " records, "
                  + values.size()
                  + " features");
    }
    return 0;
  }

  private static <T> List<T> find(
      LaminDB ln, String kind, List<String> names, Class<T> type, List<String> problems) {
    List<T> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      var q =
          switch (kind) {
            case "ulabel" -> ln.ulabels();
            case "project" -> ln.projects();
            default -> ln.records();
          };
      var hit = q.filter("name", n).first();
      if (hit.isPresent()) {
        out.add(type.cast(hit.get()));
      } else {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          missing.size()
              + " "
              + kind
              + (missing.size() == 1 ? "" : "s")
              + " not found: '"
              + String.join("', '", missing)
              + "'; create with: lamin create "
              + kind
              + " '"
              + missing.get(0)
              + "'");
    }
    return out;
  }
}
