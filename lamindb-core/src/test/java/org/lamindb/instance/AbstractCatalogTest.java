package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.CatalogEntry;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.NotFoundException;
import org.lamindb.ReadOnlyException;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.model.Artifact;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * Issue 20, instance catalog: an owner publishes an instance to a catalog folder; a team member
 * with an empty {@code LAMIN_HOME} connects to it and opens it read-only by name, with credentials
 * from their own environment; no secret is ever written to the catalog.
 */
abstract class AbstractCatalogTest {
  static final String SECRET = "s3cret-Pw-20";
  @TempDir Path tmp;
  LaminSetup owner;
  LaminDB ln;
  InitOptions options;
  Path catalog;
  Artifact a1;
  String dbUser;
  String dbPassword;

  abstract Backend backend();

  @BeforeEach
  void create() throws Exception {
    catalog = tmp.resolve("catalog");
    owner = Backend.setup(tmp);
    owner.login("alice");
    owner.catalog(catalog.toString());
    options = backend().options(tmp.resolve("storage"), "atlas");
    if (options.db() != null) {
      PostgresUrl u = PostgresUrl.parse(options.db());
      dbUser = u.user();
      dbPassword = u.password();
      if (u.password() == null) {
        // the test server trusts local connections: a password in the URL is the secret to hide
        String withPw = options.db().replace(u.user() + "@", u.user() + ":" + SECRET + "@");
        options = options.db(withPw);
        dbPassword = SECRET;
      }
    }
    ln = owner.init(options);
    ULabel l = ln.ulabel("tumor").save();
    a1 = ln.artifact(Files.writeString(tmp.resolve("a.txt"), "alpha")).key("data/a.txt").save();
    a1.ulabels().add(l);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  /** A team member's setup: empty settings dir, the catalog, and {@code env} besides. */
  LaminSetup member(String dir, Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    e.put("LAMIN_CATALOG", catalog.toString());
    e.put("LAMIN_CACHE_DIR", tmp.resolve(dir + "-cache").toString());
    return LaminSetup.at(tmp.resolve(dir), e);
  }

  /** The member's database credentials (PostgreSQL only). */
  Map<String, String> credentials() {
    Map<String, String> e = new HashMap<>();
    if (dbUser != null) {
      e.put("PGUSER", dbUser);
    }
    if (dbPassword != null && !dbPassword.equals(SECRET)) {
      e.put("PGPASSWORD", dbPassword);
    }
    return e;
  }

  @Test
  void publishWritesADescriptorWithoutSecrets() throws Exception {
    CatalogEntry e = owner.publish(ln.slug());
    Path doc = catalog.resolve("alice/atlas.json");
    assertThat(doc).exists();
    String json = Files.readString(doc);
    assertThat(json).contains("\"owner\" : \"alice\"", "\"name\" : \"atlas\"", "\"uid\"");
    assertThat(json).contains(tmp.resolve("storage").toRealPath().toString());
    assertThat(json).contains("\"lamindb\" : ");
    if (options.db() != null) {
      assertThat(json).doesNotContain(SECRET).doesNotContain(dbUser + "@");
      if (dbPassword != null) {
        assertThat(json).doesNotContain(dbPassword);
      }
      assertThat(e.db()).startsWith("postgresql://").doesNotContain("@");
    } else {
      assertThat(e.db()).isEqualTo("sqlite");
    }
    assertThat(owner.catalogInstances())
        .extracting(CatalogEntry::slug)
        .containsExactly("alice/atlas");
    assertThat(e.schemaVersions()).containsKey("lamindb");
  }

  @Test
  void memberConnectsAndOpensReadOnlyFromAnEmptyHome() throws Exception {
    owner.publish(ln.slug());
    LaminSetup bob = member("bob-home", credentials());
    assertThat(bob.instances()).isEmpty();
    assertThat(bob.catalogInstances())
        .extracting(CatalogEntry::slug)
        .containsExactly("alice/atlas");
    try (LaminDB db = bob.db("alice/atlas");
        LaminDB again = bob.db("atlas")) {
      assertThat(db.isReadOnly()).isTrue();
      assertThat(db.artifacts().get(a1.uid()).key()).isEqualTo("data/a.txt");
      assertThat(again.artifacts().filter("ulabels__name", "tumor").one().uid())
          .isEqualTo(a1.uid());
      assertThat(Files.readString(db.artifacts().get(a1.uid()).cache())).isEqualTo("alpha");
      assertThatThrownBy(() -> db.ulabel("x").save()).isInstanceOf(ReadOnlyException.class);
    }
    assertThat(bob.setCurrent("alice/atlas")).isEqualTo("alice/atlas");
    assertThat(bob.instances()).containsExactly("alice/atlas");
    try (LaminDB rw = bob.connect()) {
      assertThat(rw.isReadOnly()).isFalse();
      assertThat(rw.artifacts().filter("key", "data/a.txt").one().uid()).isEqualTo(a1.uid());
    }
    try (LaminDB rw = bob.connect("alice/atlas")) {
      assertThat(rw.artifacts().count()).isGreaterThanOrEqualTo(1);
    }
    // the settings bob keeps locally hold no secret either
    for (Path f : Files.list(tmp.resolve("bob-home")).toList()) {
      assertThat(Files.readString(f)).doesNotContain(SECRET);
    }
  }

  @Test
  void clearErrorsForMissingInstancesAndUnreachableCatalogs() {
    owner.publish(ln.slug());
    LaminSetup bob = member("bob-home", credentials());
    assertThatThrownBy(() -> bob.db("alice/atlsa"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no instance 'alice/atlsa'")
        .hasMessageContaining(catalog.toString())
        .hasMessageContaining("did you mean alice/atlas?");
    assertThatThrownBy(() -> bob.connect("bob/atlas"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("did you mean alice/atlas?");
    LaminSetup lost =
        LaminSetup.at(
            tmp.resolve("lost-home"),
            Map.of("LAMIN_CATALOG", tmp.resolve("no-such-catalog").toString()));
    assertThatThrownBy(() -> lost.db("alice/atlas"))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("catalog " + tmp.resolve("no-such-catalog"))
        .hasMessageContaining("unreachable");
    LaminSetup none = LaminSetup.at(tmp.resolve("none-home"), Map.of());
    assertThatThrownBy(() -> none.db("alice/atlas"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("LAMIN_CATALOG");
    assertThatThrownBy(none::catalogInstances)
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("no instance catalog configured");
  }

  /** Captures what {@code work} prints to standard error. */
  static String stderrOf(Runnable work) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
