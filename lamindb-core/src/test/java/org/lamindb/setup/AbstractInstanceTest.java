package org.lamindb.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Project;
import org.lamindb.model.Storage;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/** Instance and registry behaviour, run on every backend by a subclass. */
abstract class AbstractInstanceTest {
  @TempDir Path tmp;

  abstract Backend backend();

  LaminSetup setup() {
    return Backend.setup(tmp);
  }

  InitOptions options(String dir, String name) {
    return backend().options(tmp.resolve(dir), name);
  }

  @Test
  void initWritesMarkerSettingsAndSeedRows() throws Exception {
    LaminSetup setup = setup();
    try (LaminDB ln = setup.init(options("data", "mydata"))) {
      assertThat(ln.slug()).isEqualTo("anonymous/mydata");
      Path marker = tmp.resolve("data/.lamindb/storage_uid.txt");
      assertThat(marker).exists();
      Storage storage = ln.storage();
      assertThat(Files.readAllLines(marker).get(0)).isEqualTo(storage.uid());
      assertThat(storage.root()).isEqualTo(tmp.resolve("data").toRealPath().toString());
      assertThat(storage.type()).isEqualTo("local");
      assertThat(storage.uid()).hasSize(12).matches("[0-9A-Za-z]{12}");
      assertThat(setup.home().resolve("instance--anonymous--mydata.env")).exists();
      assertThat(setup.current()).contains("anonymous/mydata");
      int latest =
          org.lamindb.internal.db.CoreMigrations.all()
              .get(org.lamindb.internal.db.CoreMigrations.all().size() - 1)
              .version();
      assertThat(latest).isGreaterThanOrEqualTo(2);
      assertThat(ln.info().schemaVersions()).containsEntry("lamindb", latest);
      assertThat(ln.user().handle()).isEqualTo("anonymous");
      assertThat(ln.branches().list()).extracting(b -> b.name()).contains("main");
      assertThat(ln.spaces().filter("name", "all").count()).isEqualTo(1);
      if (backend() == Backend.SQLITE) {
        assertThat(tmp.resolve("data/.lamindb/lamin.db")).exists();
      }
    }
  }

  @Test
  void builtInBranchesHaveLaminDbIds() {
    try (LaminDB ln = setup().init(options("data", "b"))) {
      Map<Long, String> byId = new java.util.HashMap<>();
      for (var b :
          org.lamindb.internal.core.RecordStore.load(
              Access.instance(ln),
              org.lamindb.internal.core.CoreRegistries.BRANCH,
              org.jooq.impl.DSL.trueCondition())) {
        byId.put(b.id(), (String) b.get("name"));
      }
      assertThat(byId)
          .containsEntry(-1L, "trash")
          .containsEntry(0L, "archive")
          .containsEntry(1L, "main");
    }
  }

  @Test
  void severalInstancesOpenAtOnce() {
    LaminSetup setup = setup();
    setup.init(options("one", "one")).close();
    setup.init(options("two", "two")).close();
    try (LaminDB a = setup.connect("one");
        LaminDB b = setup.connect("anonymous/two")) {
      a.ulabel("only in one").save();
      b.project("only in two").save();
      assertThat(a.ulabels().filter("name", "only in one").count()).isEqualTo(1);
      assertThat(b.ulabels().filter("name", "only in one").count()).isZero();
      assertThat(b.projects().filter("name", "only in two").count()).isEqualTo(1);
      assertThat(a.projects().filter("name", "only in two").count()).isZero();
      assertThat(a.slug()).isNotEqualTo(b.slug());
    }
    assertThat(setup.current()).contains("anonymous/two");
  }

  @Test
  void initTwiceOnSameStorageAndNameConnects() {
    LaminSetup setup = setup();
    setup.init(options("data", "same")).close();
    if (backend() == Backend.SQLITE) {
      try (LaminDB again =
          setup.init(InitOptions.storage(tmp.resolve("data").toString()).name("same"))) {
        assertThat(again.slug()).isEqualTo("anonymous/same");
      }
    }
  }

  @Test
  void initIsAtomicWhenAModuleMigrationFailsAndALaterInitStartsClean() throws Exception {
    LaminSetup setup = setup();
    InitOptions failing = options("data", "atomic").modules("failmod");
    assertThatThrownBy(() -> setup.init(failing))
        .isInstanceOf(org.lamindb.LaminException.class)
        .hasMessageContaining("migrating module 'failmod'")
        .hasMessageContaining("no_such_table")
        .hasMessageNotContaining("\n");
    assertThat(setup.instances()).doesNotContain("anonymous/atomic");
    assertThat(tmp.resolve("data/.lamindb/lamin.db")).doesNotExist();
    assertThat(tmp.resolve("data/.lamindb/storage_uid.txt")).doesNotExist();
    if (failing.db() != null) {
      assertThat(storageRows(failing.db())).isZero();
    }
    InitOptions again = InitOptions.storage(tmp.resolve("data").toString()).name("atomic");
    try (LaminDB ln = setup.init(failing.db() == null ? again : again.db(failing.db()))) {
      assertThat(ln.storages().count()).isEqualTo(1);
      assertThat(ln.storage().root()).isEqualTo(tmp.resolve("data").toRealPath().toString());
    }
  }

  @Test
  void failedInitOnAnEmptyPostgresDatabaseLeavesNoTables() {
    org.junit.jupiter.api.Assumptions.assumeTrue(backend() == Backend.POSTGRES);
    String db = org.lamindb.testing.PostgresTestServer.newEmptyDatabase();
    LaminSetup setup = setup();
    // core tests have no S3 backend: the storage marker step fails after tables and seed rows
    assertThatThrownBy(() -> setup.init(InitOptions.storage("s3://bucket/atomic").db(db)))
        .isInstanceOf(org.lamindb.LaminException.class)
        .hasMessageContaining("no storage backend for 's3://bucket/atomic'")
        .hasMessageNotContaining("\n");
    try (var d =
        org.lamindb.internal.db.Database.postgres(org.lamindb.internal.db.PostgresUrl.parse(db))) {
      assertThat(
              d.dsl()
                  .fetchCount(
                      d.dsl()
                          .select()
                          .from("information_schema.tables")
                          .where("table_schema = current_schema()")))
          .isZero();
    }
    assertThat(setup.instances()).isEmpty();
  }

  private static int storageRows(String db) {
    try (var d =
        org.lamindb.internal.db.Database.postgres(org.lamindb.internal.db.PostgresUrl.parse(db))) {
      return d.dsl().fetchCount(d.dsl().select().from("lamindb_storage"));
    }
  }

  @Test
  void initOnRootOfAnotherInstanceFailsAndCreatesNothing() {
    LaminSetup setup = setup();
    setup.init(options("data", "first")).close();
    assertThatThrownBy(() -> setup.init(options("data", "second")))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("already managed by instance anonymous/first")
        .hasMessageContaining("lamin connect anonymous/first");
    assertThat(setup.instances()).containsExactly("anonymous/first");
    assertThat(setup.current()).contains("anonymous/first");
  }

  @Test
  void storagePathThatIsAFileIsRejected() throws Exception {
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    assertThatThrownBy(() -> setup().init(backend().options(file, "f")))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("is a file");
    assertThat(Files.readString(file)).isEqualTo("x");
    assertThat(setup().instances()).isEmpty();
  }

  @Test
  void storageBelowAFileIsRejectedAndNothingIsLeft() throws Exception {
    Files.writeString(tmp.resolve("afile"), "x");
    assertThatThrownBy(() -> setup().init(backend().options(tmp.resolve("afile/sub/dir"), "g")))
        .isInstanceOf(InstanceException.class);
    assertThat(setup().instances()).isEmpty();
    assertThat(setup().home().resolve("current_instance.env")).doesNotExist();
  }

  @Test
  void unwritableStorageIsRejected() {
    // /proc is read-only even for root
    assertThatThrownBy(
            () ->
                setup()
                    .init(
                        backend().options(Path.of("/proc/lamin-test-" + System.nanoTime()), "ro")))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("not writable");
    assertThat(setup().instances()).isEmpty();
  }

  @Test
  void malformedNamesAreRejectedBeforeAnythingIsWritten() {
    for (String bad : List.of("My Data", "a/b", "-x", "ü", "x".repeat(120))) {
      assertThatThrownBy(() -> setup().init(options("n", bad)))
          .as(bad)
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("invalid instance name");
    }
    assertThat(tmp.resolve("n")).doesNotExist();
    assertThat(setup().instances()).isEmpty();
  }

  @Test
  void connectUnknownInstanceNamesKnownOnes() {
    setup().init(options("data", "known")).close();
    assertThatThrownBy(() -> setup().connect("unknown"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no instance 'unknown'")
        .hasMessageContaining("anonymous/known");
  }

  @Test
  void corruptSettingsFileGivesClearError() throws Exception {
    LaminSetup setup = setup();
    setup.init(options("data", "c")).close();
    Files.writeString(
        setup.home().resolve("current_instance.env"), "this is not a settings file\n");
    assertThatThrownBy(setup::connect)
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("current_instance.env is corrupt (line 1");
  }

  @Test
  void loginSetsCreatorOfNewRecords() {
    LaminSetup setup = setup();
    setup.init(options("data", "u")).close();
    String uid = setup.login("alice");
    assertThat(uid).hasSize(8);
    try (LaminDB ln = setup.connect("anonymous/u")) {
      ULabel l = ln.ulabel("by alice").save();
      assertThat(ln.user().handle()).isEqualTo("alice");
      assertThat(l.get("created_by_id")).isEqualTo(ln.user().id());
      assertThat(ln.users().count()).isEqualTo(2);
    }
    assertThat(setup.login("alice")).isEqualTo(uid);
  }

  @Test
  void deleteRefusesWithoutForceAndKeepsFilesOutsideLamindb() throws Exception {
    LaminSetup setup = setup();
    setup.init(options("data", "d")).close();
    Path own = Files.writeString(tmp.resolve("data/my-own-file.txt"), "keep me");
    assertThatThrownBy(() -> setup.delete("d", false))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("without --force");
    assertThat(tmp.resolve("data/.lamindb")).exists();
    setup.delete("d", true);
    assertThat(tmp.resolve("data/.lamindb")).doesNotExist();
    assertThat(own).hasContent("keep me");
    assertThat(setup.instances()).isEmpty();
    assertThat(setup.current()).isEmpty();
    try (LaminDB again = setup.init(options("data", "d"))) {
      assertThat(again.ulabels().count()).isZero();
    }
  }

  @Test
  void olderSchemaIsMigratedOnConnectAndNewerIsRefused() throws Exception {
    LaminSetup setup = setup();
    setup.init(options("data", "m").modules("testmod")).close();
    setup.delete("m", true);
    // an instance created at version 1 of the test module
    setup.init(options("data2", "m2").modules("testmod")).close();
    try (LaminDB ln = setup.connect("m2")) {
      assertThat(ln.info().schemaVersions()).containsEntry("testmod", 2);
    }
    setNewestVersion(setup, "m2", "1");
    try (LaminDB ln = setup.connect("m2")) {
      assertThat(ln.info().schemaVersions()).containsEntry("testmod", 2);
      assertThat(columnExists(ln, "testmod_thing", "size")).isTrue();
    }
    setNewestVersion(setup, "m2", "99");
    assertThatThrownBy(() -> setup.connect("m2"))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("upgrade lamindb-java");
  }

  /** Rewrites the test module's history so the instance looks like it is at {@code version}. */
  private void setNewestVersion(LaminSetup setup, String name, String version) throws Exception {
    try (LaminDB ln = setup.connect(name);
        Connection c = Access.instance(ln).db().connection();
        Statement s = c.createStatement()) {
      if (version.equals("1")) {
        s.execute("ALTER TABLE testmod_thing DROP COLUMN size");
        s.execute("DELETE FROM testmod_migrations WHERE version = '2'");
      } else {
        s.execute("UPDATE testmod_migrations SET version = '" + version + "' WHERE version = '2'");
      }
    }
  }

  private static boolean columnExists(LaminDB ln, String table, String column) throws Exception {
    try (Connection c = Access.instance(ln).db().connection();
        ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
      return rs.next();
    }
  }

  @Test
  void registriesMatchTheMigratedTables() throws Exception {
    try (LaminDB ln = setup().init(options("data", "r"))) {
      for (var r : Access.instance(ln).registries().values()) {
        for (String f : r.fields().keySet()) {
          assertThat(columnExists(ln, r.table(), f)).as(r.table() + "." + f).isTrue();
        }
      }
    }
  }

  @Test
  void softDeleteHidesAndRestoreBringsBack() {
    try (LaminDB ln = setup().init(options("data", "t"))) {
      Project p = ln.project("to trash").save();
      p.delete();
      assertThat(p.get("branch_id")).isEqualTo(-1L);
      assertThat(ln.projects().filter("name", "to trash").count()).isZero();
      p.restore();
      assertThat(ln.projects().filter("name", "to trash").count()).isEqualTo(1);
      p.delete(true);
      assertThat(p.isSaved()).isFalse();
    }
  }

  @Test
  void typeMustReferenceExistingRecordAndProtectsDeletion() {
    try (LaminDB ln = setup().init(options("data", "ty"))) {
      ULabel type = ln.ulabel("Perturbation").isType(true).save();
      ULabel member = ln.ulabel("DMSO").type(type).save();
      assertThat(member.type()).isEqualTo(type);
      assertThatThrownBy(() -> type.delete(true)).isInstanceOf(IntegrityException.class);
      assertThat(ln.ulabels().filter("name", "Perturbation").count()).isEqualTo(1);
    }
  }

  @Test
  void nameFactoriesReturnExistingRecords() {
    try (LaminDB ln = setup().init(options("data", "nm"))) {
      ULabel a = ln.ulabel("same name").save();
      ULabel b = ln.ulabel("same name");
      assertThat(b.isSaved()).isTrue();
      assertThat(b.uid()).isEqualTo(a.uid());
    }
  }

  @Test
  void defaultStorageCanBeSwitchedForNewArtifacts() throws Exception {
    LaminSetup setup = setup();
    setup.init(options("data", "st")).close();
    Path other = tmp.resolve("second");
    String root = setup.defaultStorage(other.toString());
    assertThat(root).isEqualTo(other.toRealPath().toString());
    assertThat(other.resolve(".lamindb/storage_uid.txt")).exists();
    try (LaminDB ln = setup.connect("st")) {
      assertThat(ln.storage().root()).isEqualTo(root);
      Path f = Files.writeString(tmp.resolve("f.txt"), "to the second storage");
      var a = ln.artifact(f).key("f.txt").save();
      assertThat(a.path()).startsWith(root + "/.lamindb/");
      assertThat(ln.storages().count()).isEqualTo(2);
      assertThat(ln.info().storageRoot()).isEqualTo(root);
    }
    // a location managed by another instance is refused
    setup.init(options("foreign", "foreign")).close();
    setup.setCurrent("st");
    assertThatThrownBy(() -> setup.defaultStorage(tmp.resolve("foreign").toString()))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("already managed by instance anonymous/foreign");
  }
}
