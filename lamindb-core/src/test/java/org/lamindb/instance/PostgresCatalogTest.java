package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.CatalogEntry;
import org.lamindb.InstanceException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.ReadOnlyException;
import org.lamindb.testing.Backend;
import org.lamindb.testing.PostgresTestServer;

class PostgresCatalogTest extends AbstractCatalogTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }

  @Test
  void withoutCredentialsAndWithoutCloneTheErrorSaysWhatToSet() {
    owner.publish(ln.slug());
    LaminSetup guest = member("guest-home", Map.of());
    assertThatThrownBy(() -> guest.db("alice/atlas"))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("no database credentials for alice/atlas")
        .hasMessageContaining("PGUSER")
        .hasMessageContaining("~/.pgpass");
    assertThatThrownBy(() -> guest.connect("alice/atlas"))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("no database credentials");
  }

  @Test
  void withoutCredentialsTheReadOnlyCloneIsUsedAndRefreshedOnlyWhenChanged() throws Exception {
    String loc = owner.cloneInstance(ln.slug(), true);
    assertThat(loc).endsWith("/.lamindb/clone.db");
    CatalogEntry e = owner.catalogInstances().get(0);
    assertThat(e.cloneLocation()).isEqualTo(loc);
    assertThat(e.cloneCreatedAt()).isNotNull();
    // republishing keeps the clone
    assertThat(owner.publish(ln.slug()).cloneLocation()).isEqualTo(loc);
    LaminSetup guest = member("guest-home", Map.of());
    String err =
        stderrOf(
            () -> {
              try (LaminDB db = guest.db("alice/atlas");
                  LaminDB db2 = guest.db("alice/atlas")) {
                assertThat(db.artifacts().get(a1.uid()).key()).isEqualTo("data/a.txt");
                assertThat(db2.artifacts().filter("ulabels__name", "tumor").one().uid())
                    .isEqualTo(a1.uid());
                assertThat(db.artifacts().get(a1.uid()).cache()).hasContent("alpha");
                assertThatThrownBy(() -> db.ulabel("x").save())
                    .isInstanceOf(ReadOnlyException.class);
              }
            });
    assertThat(err)
        .contains("→ using the read-only clone of alice/atlas from " + e.cloneCreatedAt());
    assertThat(err.split("using the read-only clone", -1)).hasSize(2); // said once
    Path cached = tmp.resolve("guest-home/clones/alice--atlas.db");
    assertThat(cached).exists();
    Files.setLastModifiedTime(cached, FileTime.fromMillis(0));
    guest.db("alice/atlas").close();
    assertThat(Files.getLastModifiedTime(cached).toMillis()).isZero(); // not downloaded again
    // a new artifact and a new clone: the reader sees it
    ln.artifact(Files.writeString(tmp.resolve("b.txt"), "beta")).key("data/b.txt").save();
    owner.cloneInstance(ln.slug(), true);
    try (LaminDB db = guest.db("alice/atlas")) {
      assertThat(db.artifacts().filter("key", "data/b.txt").exists()).isTrue();
    }
    assertThat(Files.getLastModifiedTime(cached).toMillis()).isNotZero();
    // with credentials the database itself is used
    try (LaminDB db = member("bob-home", credentials()).db("alice/atlas")) {
      assertThat(db.artifacts().filter("key__startswith", "data/").count()).isEqualTo(2);
    }
  }

  @Test
  void aPostgresCatalogHoldsDescriptorsToo() {
    String url = PostgresTestServer.newEmptyDatabase();
    org.lamindb.internal.db.PostgresUrl u = org.lamindb.internal.db.PostgresUrl.parse(url);
    String noUser =
        "postgresql://" + u.host() + ":" + u.port() + "/" + u.database() + "?schema=team";
    LaminSetup pub =
        LaminSetup.at(tmp.resolve("home"), Map.of("LAMIN_CATALOG", noUser, "PGUSER", u.user()));
    assertThat(pub.publish(ln.slug()).slug()).isEqualTo("alice/atlas");
    Map<String, String> env = new java.util.HashMap<>(credentials());
    env.put("LAMIN_CATALOG", noUser);
    LaminSetup bob = LaminSetup.at(tmp.resolve("pg-bob"), env);
    assertThat(bob.catalogInstances())
        .extracting(CatalogEntry::slug)
        .containsExactly("alice/atlas");
    try (LaminDB db = bob.db("alice/atlas")) {
      assertThat(db.artifacts().get(a1.uid()).key()).isEqualTo("data/a.txt");
    }
  }
}
