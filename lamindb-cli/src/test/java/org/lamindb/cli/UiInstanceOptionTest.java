package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.ReadOnlyException;
import org.lamindb.testing.Backend;
import org.lamindb.testing.PostgresTestServer;
import org.lamindb.ui.UiServer;

/** {@code lamin ui --instance}: names connect, paths and URLs open read-only via LaminDB.db. */
class UiInstanceOptionTest {
  @TempDir Path tmp;

  @Test
  void classifiesNamesAndLocations() {
    assertThat(UiCommand.isLocation("alice/cellxgene")).isFalse();
    assertThat(UiCommand.isLocation("mydata")).isFalse();
    assertThat(UiCommand.isLocation("lamin://alice/cellxgene")).isFalse();
    assertThat(UiCommand.isLocation("postgresql://reader@db.example.org:5432/lamin")).isTrue();
    assertThat(UiCommand.isLocation("sqlite:/data/.lamindb/lamin.db")).isTrue();
    assertThat(UiCommand.isLocation("/data/shared")).isTrue();
    assertThat(UiCommand.isLocation("data/.lamindb/lamin.db")).isTrue();
  }

  @Test
  void sqliteFileAndFolderOpenReadOnly() throws Exception {
    try (LaminDB ln = Backend.SQLITE.newInstance(tmp)) {
      ln.artifact(Files.writeString(tmp.resolve("a.txt"), "a")).key("docs/a.txt").save();
    }
    Path db = tmp.resolve("storage/.lamindb/lamin.db");
    for (String ref :
        new String[] {"sqlite:" + db, db.toString(), tmp.resolve("storage").toString()}) {
      try (LaminDB ro = UiCommand.open(ref)) {
        assertThat(ro.isReadOnly()).as(ref).isTrue();
        assertServesReadOnly(ro, "docs/a.txt");
      }
    }
  }

  @Test
  void postgresUrlOpensReadOnly() throws Exception {
    String url = PostgresTestServer.newDatabase();
    try (LaminDB ln =
        Backend.setup(tmp)
            .init(InitOptions.storage(tmp.resolve("pg").toString()).name("pgui").db(url))) {
      ln.artifact(Files.writeString(tmp.resolve("p.txt"), "p")).key("docs/p.txt").save();
    }
    assertThat(url).startsWith("postgresql://");
    try (LaminDB ro = UiCommand.open(url)) {
      assertThat(ro.isReadOnly()).isTrue();
      assertServesReadOnly(ro, "docs/p.txt");
      assertThatThrownBy(() -> ro.ulabel("x").save()).isInstanceOf(ReadOnlyException.class);
    }
  }

  private static void assertServesReadOnly(LaminDB ro, String key) throws Exception {
    try (UiServer ui = UiServer.builder(ro).port(0).readOnly(ro.isReadOnly()).start()) {
      assertThat(ui.readOnly()).isTrue();
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(ui.baseUrl() + "/artifacts")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(key);
    }
  }
}
