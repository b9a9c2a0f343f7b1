package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.ReadOnlyException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.Table;

/**
 * Issue 20, {@code LaminDB.db(..)}: read-only handles by name, by {@code sqlite:} path or by
 * PostgreSQL URL, with the same query API; every write is refused with a clear error and leaves the
 * instance unchanged; artifacts load from that instance's storage.
 */
abstract class AbstractReadOnlyDbTest {
  @TempDir Path tmp;
  LaminSetup setup;
  LaminDB ln;
  InitOptions options;
  Artifact a1;
  Artifact a2;

  abstract Backend backend();

  @BeforeEach
  void create() throws Exception {
    setup = Backend.setup(tmp);
    options = backend().options(tmp.resolve("storage"), "source");
    ln = setup.init(options);
    ln.feature("score", Dtype.FLOAT).save();
    ULabel l = ln.ulabel("tumor").save();
    a1 = ln.artifact(Files.writeString(tmp.resolve("a.txt"), "alpha")).key("data/a.txt").save();
    a2 = ln.artifact(Files.writeString(tmp.resolve("b.txt"), "beta")).key("data/b.txt").save();
    a1.ulabels().add(l);
    a1.features().addValues(Map.of("score", 0.9));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  /** The database this backend's instance lives in, as LaminDB.db(..) takes it. */
  String databaseUri() {
    return options.db() != null
        ? options.db()
        : "sqlite:" + tmp.resolve("storage/.lamindb/lamin.db").toAbsolutePath();
  }

  @Test
  void queriesByNameAndByDatabaseUriSeveralOpenAtOnce() throws Exception {
    try (LaminDB db = setup.db(ln.slug());
        LaminDB db2 = Backend.setup(tmp.resolve("empty-home")).db(databaseUri())) {
      assertThat(db.isReadOnly()).isTrue();
      assertThat(db2.isReadOnly()).isTrue();
      assertThat(ln.isReadOnly()).isFalse();
      for (LaminDB d : java.util.List.of(db, db2)) {
        Table t = d.artifacts().filter("key__startswith", "data/").orderBy("key").toDataFrame();
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("key").asList()).containsExactly("data/a.txt", "data/b.txt");
        assertThat(d.artifacts().get(a1.uid()).key()).isEqualTo("data/a.txt");
        assertThat(d.artifacts().filter("ulabels__name", "tumor").one().uid()).isEqualTo(a1.uid());
        assertThat(d.artifacts().filter("score__gt", 0.5).one().uid()).isEqualTo(a1.uid());
        Path local = d.artifacts().get(a2.uid()).cache();
        assertThat(Files.readString(local)).isEqualTo("beta");
        assertThat(d.artifacts().get(a1.uid()).features().get("score")).isEqualTo(0.9);
      }
      assertThat(db2.slug()).isEqualTo(ln.slug()); // the storage marker names the instance
    }
  }

  @Test
  void everyWriteIsRefusedAndNothingChanges() throws Exception {
    long before = ln.artifacts().count();
    try (LaminDB db = setup.db(ln.slug())) {
      Artifact a = db.artifacts().get(a1.uid());
      a.description("changed");
      assertThatThrownBy(a::save)
          .isInstanceOf(ReadOnlyException.class)
          .hasMessageContaining("cannot save Artifact")
          .hasMessageContaining(ln.slug())
          .hasMessageContaining("read-only");
      assertThatThrownBy(a::delete).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> a.delete(true)).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> a.features().addValues(Map.of("score", 0.1)))
          .isInstanceOf(ReadOnlyException.class)
          .hasMessageContaining("annotate");
      assertThatThrownBy(() -> a.ulabels().add(db.ulabels().get("name", "tumor")))
          .isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.ulabel("new").save()).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(db::track).isInstanceOf(ReadOnlyException.class);
      Path f = Files.writeString(tmp.resolve("c.txt"), "gamma");
      assertThatThrownBy(() -> db.artifact(f).key("data/c.txt").save())
          .isInstanceOf(ReadOnlyException.class);
      // bulk writes go through jOOQ and are refused before they reach the driver
      assertThatThrownBy(() -> db.artifacts().update(Map.of("description", "x")))
          .isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.ulabels().delete()).isInstanceOf(ReadOnlyException.class);
    }
    assertThat(ln.artifacts().count()).isEqualTo(before);
    assertThat(ln.artifacts().get(a1.uid()).description()).isNull();
    assertThat(ln.ulabels().filter("name", "new").exists()).isFalse();
    assertThat(ln.artifacts().filter("key", "data/c.txt").exists()).isFalse();
    assertThat(tmp.resolve("storage/.lamindb").toFile().list())
        .noneMatch(n -> n.startsWith(a1.uid().substring(0, 16)) && n.contains("c.txt"));
  }

  @Test
  void unknownTargetsFailClearly() {
    assertThatThrownBy(() -> setup.db("sqlite:" + tmp.resolve("nope/lamin.db")))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("no SQLite database");
    assertThat(tmp.resolve("nope")).doesNotExist();
    assertThatThrownBy(() -> setup.db("someone/missing"))
        .isInstanceOf(org.lamindb.LaminException.class)
        .hasMessageContaining("someone/missing");
  }
}
