package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} on every command and subcommand of the real command tree prints its usage and
 * exits 0; bad command lines print one {@code ✗} line.
 */
class HelpTest {
  private record Out(int code, String out, String err) {}

  private static Out run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lamin.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Out(code, out.toString(), err.toString());
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
    into.add(path);
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, into);
              }
            });
  }

  @Test
  void helpWorksOnEveryCommandAndSubcommand() {
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new Lamin()), List.of(), paths);
    assertThat(paths)
        .contains(
            List.of("save"),
            List.of("load"),
            List.of("describe"),
            List.of("annotate"),
            List.of("ontology"),
            List.of("ontology", "import"),
            List.of("list"),
            List.of("create"));
    for (List<String> p : paths) {
      List<String> args = new ArrayList<>(p);
      args.add("--help");
      Out r = run(args);
      assertThat(r.code()).as("lamin %s --help: %s", String.join(" ", p), r.err()).isZero();
      assertThat(r.out())
          .as("lamin %s --help", String.join(" ", p))
          .startsWith("Usage: lamin" + (p.isEmpty() ? "" : " " + String.join(" ", p)))
          .contains("-h, --help");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void badCommandLinesPrintOneErrorLineInTheCommonStyle() {
    Out missing = run(List.of("list"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "✗ Missing required parameter: '<registry>' (see: lamin list --help)"
                + System.lineSeparator());
    Out unknown = run(List.of("save", "--nope", "x"));
    assertThat(unknown.err())
        .startsWith("✗ Unknown option: '--nope'")
        .contains("lamin save --help");
    assertThat(run(List.of("load")).err())
        .isEqualTo(
            "✗ pass --key <key>, --uid <uid> or a uid/key argument" + System.lineSeparator());
  }
}
