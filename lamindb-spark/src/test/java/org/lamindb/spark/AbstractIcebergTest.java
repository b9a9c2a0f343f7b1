package org.lamindb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lamindb.InvalidArgumentException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.spi.IcebergProvider;
import org.lamindb.testing.Backend;

/**
 * {@code collection.registerIceberg}: the table is read back with Iceberg's own generic reader and
 * compared with DuckDB over the same files; versions become snapshots; no data file is copied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractIcebergTest {
  abstract Backend backend();

  CollectionFixture fx;

  @BeforeAll
  void setUp() throws Exception {
    fx = new CollectionFixture(backend());
  }

  @AfterAll
  void tearDown() {
    fx.close();
  }

  /** The instance's own database as an Iceberg JdbcCatalog, opened independently of LaminDB. */
  private JdbcCatalog instanceCatalog() {
    String db = fx.ln.info().db();
    Map<String, String> props = new java.util.HashMap<>();
    String uri;
    if (db.startsWith("sqlite:")) {
      uri = "jdbc:sqlite:" + db.substring("sqlite:".length());
    } else {
      java.net.URI u = java.net.URI.create(db.replace("postgresql://", "http://"));
      uri = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath();
      if (u.getUserInfo() != null) {
        props.put("jdbc.user", u.getUserInfo().split(":")[0]);
      }
    }
    return open(uri, props);
  }

  private JdbcCatalog open(String uri, Map<String, String> props) {
    Map<String, String> p = new java.util.HashMap<>(props);
    p.put("uri", uri);
    p.put("warehouse", fx.tmp.resolve("reader-warehouse").toUri().toString()); // unused by reads
    JdbcCatalog c = new JdbcCatalog();
    c.setConf(new Configuration());
    c.initialize("lamindb", p);
    return c;
  }

  private static long[] countAndSumScore(Table t, Long snapshot) throws Exception {
    var builder = IcebergGenerics.read(t);
    if (snapshot != null) {
      builder = builder.useSnapshot(snapshot);
    }
    long n = 0;
    double sum = 0;
    try (CloseableIterable<Record> rows = builder.build()) {
      for (Record r : rows) {
        n++;
        sum += (Double) r.getField("score");
      }
    }
    return new long[] {n, Double.doubleToLongBits(sum)};
  }

  private static List<Path> dataFiles(Table t) throws Exception {
    List<Path> out = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = t.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        out.add(Path.of(java.net.URI.create(task.file().location())));
      }
    }
    return out;
  }

  private Path memberPath(Artifact a) {
    return Path.of(java.net.URI.create(Path.of(a.path()).toUri().toString()));
  }

  @Test
  void registeredTableReadsLikeDuckDbOverTheMembersWithoutCopying() throws Exception {
    IcebergProvider.Registration reg = fx.collection.registerIceberg("instance", "lamin.coll");
    assertThat(reg.snapshotsAdded()).hasSize(1);
    assertThat(reg.dataFiles()).isEqualTo(CollectionFixture.N);
    try (JdbcCatalog cat = instanceCatalog()) {
      Table t = cat.loadTable(TableIdentifier.parse("lamin.coll"));
      assertThat(t.schema().columns())
          .extracting(f -> f.name())
          .containsExactly("id", "score", "grp");
      List<Path> files = dataFiles(t);
      List<Path> members = fx.artifacts.stream().map(this::memberPath).toList();
      assertThat(files).containsExactlyInAnyOrderElementsOf(members); // the artifacts' own files
      long[] got = countAndSumScore(t, null);
      List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", members);
      assertThat(got[0]).isEqualTo(((Number) duck.get(0)).longValue()).isEqualTo(600L);
      assertThat(Double.longBitsToDouble(got[1]))
          .isEqualTo(
              ((Number) duck.get(1)).doubleValue(), org.assertj.core.api.Assertions.within(1e-6));
      assertThat(t.currentSnapshot().summary())
          .containsEntry(IcebergRegistrar.VERSION_UID, fx.collection.uid());
    }
    Path warehouse = Path.of(fx.ln.info().storageRoot(), ".lamindb", "iceberg");
    try (Stream<Path> s = Files.walk(warehouse)) {
      assertThat(s.filter(p -> p.toString().endsWith(".parquet")).toList())
          .as("no data file copied into the warehouse")
          .isEmpty();
    }
    // lamin repair leaves the table's metadata alone
    fx.ln.repair(org.lamindb.RepairOptions.defaults().grace(java.time.Duration.ZERO));
    try (JdbcCatalog cat = instanceCatalog()) {
      assertThat(countAndSumScore(cat.loadTable(TableIdentifier.parse("lamin.coll")), null)[0])
          .isEqualTo(600L);
    }
    // registering the same version again changes nothing
    IcebergProvider.Registration again = fx.collection.registerIceberg(null, "lamin.coll");
    assertThat(again.snapshotsAdded()).isEmpty();
    assertThat(again.snapshotByVersion()).isEqualTo(reg.snapshotByVersion());
  }

  @Test
  void eachCollectionVersionBecomesASnapshot() throws Exception {
    Collection v1 = fx.ln.collection(fx.artifacts.subList(0, 2)).key("spark/ice-versions").save();
    IcebergProvider.Registration r1 = v1.registerIceberg("instance", "lamin.versions");
    Collection v2 = v1.append(fx.artifacts.get(2));
    IcebergProvider.Registration r2 = v2.registerIceberg("instance", "lamin.versions");
    assertThat(r2.snapshotsAdded()).hasSize(1);
    assertThat(r2.snapshotByVersion()).containsOnlyKeys(v1.uid(), v2.uid());
    Collection v3 = v2.revise(List.of(fx.artifacts.get(1), fx.artifacts.get(4)));
    IcebergProvider.Registration r3 = v3.registerIceberg("instance", "lamin.versions");
    assertThat(r3.dataFiles()).isEqualTo(2);
    try (JdbcCatalog cat = instanceCatalog()) {
      Table t = cat.loadTable(TableIdentifier.parse("lamin.versions"));
      List<Snapshot> snaps = new ArrayList<>();
      t.snapshots().forEach(snaps::add);
      assertThat(snaps).hasSize(3);
      long first = r1.snapshotsAdded().get(0);
      assertThat(countAndSumScore(t, first)[0]).isEqualTo(200L);
      assertThat(countAndSumScore(t, r2.snapshotsAdded().get(0))[0]).isEqualTo(300L);
      long[] now = countAndSumScore(t, null);
      List<Object> duck =
          Parquets.query(
              "SELECT count(*), sum(score) FROM $files",
              List.of(memberPath(fx.artifacts.get(1)), memberPath(fx.artifacts.get(4))));
      assertThat(now[0]).isEqualTo(((Number) duck.get(0)).longValue());
      assertThat(Double.longBitsToDouble(now[1]))
          .isEqualTo(
              ((Number) duck.get(1)).doubleValue(), org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  @Test
  void aFreshTableOnALaterVersionGetsOneSnapshotPerVersionAndAUserCatalogWorks() throws Exception {
    Collection v1 = fx.ln.collection(fx.artifacts.subList(3, 4)).key("spark/ice-fresh").save();
    Collection v2 = v1.append(fx.artifacts.get(5));
    Path catalogDb = fx.tmp.resolve("user-catalog.db");
    IcebergProvider.Registration r =
        v2.registerIceberg("jdbc:sqlite:" + catalogDb, "analytics.fresh");
    assertThat(r.snapshotsAdded()).hasSize(2);
    assertThat(r.snapshotByVersion().keySet()).containsExactly(v1.uid(), v2.uid());
    try (JdbcCatalog cat = open("jdbc:sqlite:" + catalogDb, Map.of())) {
      Table t = cat.loadTable(TableIdentifier.parse("analytics.fresh"));
      assertThat(countAndSumScore(t, null)[0]).isEqualTo(200L);
      assertThat(countAndSumScore(t, r.snapshotsAdded().get(0))[0]).isEqualTo(100L);
    }
  }

  @Test
  void badTableNameAndUnknownCatalogAreClearErrors() {
    assertThatThrownBy(() -> fx.collection.registerIceberg("instance", "notable"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("namespace.table");
    assertThatThrownBy(() -> fx.collection.registerIceberg("thrift://hive:9083", "a.b"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("thrift://hive:9083")
        .hasMessageContaining("jdbc:sqlite:");
  }
}
