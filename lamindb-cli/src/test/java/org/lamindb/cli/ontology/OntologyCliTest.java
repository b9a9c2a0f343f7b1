package org.lamindb.cli.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void syncedSourcesAreDownloadedOnceWithAProgressBar() throws Exception {
    Path data = ontologies();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> requests = new CopyOnWriteArrayList<>();
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          requests.add(path);
          byte[] body = Files.readAllBytes(data.resolve(path.substring(path.lastIndexOf('/') + 1)));
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try {
      Result init =
          lamin("init", "--storage", tmp.resolve("data").toString(), "--modules", "bionty");
      assertThat(init.exit()).as(init.err()).isZero();
      Path info = tmp.resolve("ontology_info.json");
      Files.writeString(
          info,
          "{\"1.0.0\": {\"ontologies\": {"
              + "\"CL\": {\"version\": \"v2025-04-10\", \"source\": \"http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/{version}/{filename}\", \"filename\": \"CL-ontology-v2025-04-10.json\"},"
              + "\"UBERON\": {\"version\": \"v2025-05-28\", \"source\": \"http://127.0.0.1:"
              + closedPort
              + "/{version}/{filename}\", \"filename\": \"uberon.owl\"},"
              + "\"CHEBI\": {\"version\": \"1\", \"source\": \"x/{filename}\","
              + " \"filename\": \"chebi.owl\"}}}}");

      Result sync = lamin("ontology", "sources", "CellType", "--sync", info.toString());
      assertThat(sync.exit()).as(sync.err()).isZero();
      assertThat(sync.out())
          .contains("2 source version(s) now currently used")
          .containsPattern("bionty.CellType \\*\\s+cl\\s+2025-04-10\\s+all\\s+http://127.0.0.1");

      Result imp = lamin("ontology", "import", "CellType");
      assertThat(imp.exit()).as(imp.err()).isZero();
      // jq: 2902 non-deprecated CL: terms in the cellxgene JSON
      assertThat(imp.out()).contains("added 2902 new records");
      // the file is 1.29 MB, above the 1 MiB threshold of download progress bars
      assertThat(imp.err()).contains("downloading CL-ontology-v2025-04-10.json");
      assertThat(requests).containsExactly("/v2025-04-10/CL-ontology-v2025-04-10.json");

      Result again =
          lamin("ontology", "import", "CellType", "--source", "cl", "--version", "2025-04-10");
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).contains("updated 2902");
      assertThat(requests).hasSize(1);

      Result offline = lamin("ontology", "import", "Tissue");
      assertThat(offline.exit()).isNotZero();
      assertThat(offline.err())
          .contains("offline")
          .contains("lamin ontology import Tissue --file uberon.owl");
    } finally {
      server.stop(0);
    }
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
