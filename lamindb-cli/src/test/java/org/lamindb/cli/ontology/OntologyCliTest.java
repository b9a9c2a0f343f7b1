package org.lamindb.cli.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamin ontology ...} as processes through bin/lamin, on a SQLite instance with bionty. */
class OntologyCliTest {
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  @Test
  void importSearchValidateList() throws Exception {
    Path data = ontologies();
    Result init = lamin("init", "--storage", tmp.resolve("data").toString(), "--modules", "bionty");
    assertThat(init.exit()).as(init.err()).isZero();

    Result imp =
        lamin("ontology", "import", "CellType", "--file", data.resolve("cl-basic.obo").toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    // awk over cl-basic.obo: 2523 non-obsolete CL terms, 3541 is_a links between them
    assertThat(imp.out()).contains("added 2523 new records", "added 3541 parents/children links");

    Result search = lamin("ontology", "search", "CellType", "T cell", "--limit", "1");
    assertThat(search.out().strip()).startsWith("CL:0000084\tT cell");

    Result validate = lamin("ontology", "validate", "CellType", "T cell", "t cell", "unicorn");
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.out()).contains("1 of 3 validated", "t cell → T cell");

    Result list = lamin("ontology", "list");
    assertThat(list.out()).containsPattern("CellType\\s+2523\\s+cl 2022-08-16 all\\*");
  }

  private Result lamin(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("lamin.launcher", "../bin/lamin"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("LAMIN_HOME", tmp.resolve("home").toString());
    pb.environment().put("LAMIN_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "lamin " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path ontologies() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    if (env != null && Files.isDirectory(Path.of(env, "ontologies"))) {
      return Path.of(env, "ontologies");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve("shared/data/ontologies");
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    assumeTrue(false, "shared ontology files not found; skipping");
    return null;
  }
}
