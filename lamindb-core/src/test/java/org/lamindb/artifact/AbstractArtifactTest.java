package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Artifact;
import org.lamindb.storage.StorageBackend;
import org.lamindb.testing.Backend;

/**
 * Artifact behaviour (spec §2–4, §13) on every metadata backend; local storage here, object storage
 * in the storage modules' subclasses (which override {@link #storageRoot()}).
 */
public abstract class AbstractArtifactTest {
  @TempDir Path tmp;
  LaminDB ln;

  /** The local storage root (null for object storage). */
  Path root;

  /** The storage backend, for checks that must not go through the artifact API. */
  StorageBackend store;

  abstract Backend backend();

  /**
   * @return the storage root to create the instance with, or null for a local folder below the temp
   *     dir
   */
  protected String storageRoot() {
    return null;
  }

  boolean local() {
    return storageRoot() == null;
  }

  @BeforeEach
  void open() throws Exception {
    String r = storageRoot();
    ln =
        Backend.setup(tmp)
            .init(backend().options(r == null ? tmp.resolve("storage").toString() : r, "test"));
    root = r == null ? tmp.resolve("storage").toRealPath() : null;
    store = ArtifactFiles.of(Access.instance(ln)).backend(ln.storage().id(), ln.storage().root());
  }

  String keyOf(String fullPath) {
    assertThat(fullPath).startsWith(store.root() + "/");
    return fullPath.substring(store.root().length() + 1);
  }

  boolean storedExists(String fullPath) throws Exception {
    return store.stat(keyOf(fullPath)).isPresent();
  }

  String storedContent(String fullPath) throws Exception {
    try (InputStream in = store.open(keyOf(fullPath))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  void putStored(String key, String content) throws Exception {
    Path f = Files.writeString(tmp.resolve("put-" + System.nanoTime()), content);
    store.upload(f, key, org.lamindb.storage.TransferProgress.NONE);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  Path file(String name, String content) throws Exception {
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  long rows() {
    return Access.instance(ln).db().dsl().fetchCount(org.jooq.impl.DSL.table("lamindb_artifact"));
  }

  /**
   * @return full paths of stored objects under .lamindb/ (not the database or the storage marker)
   */
  List<String> lamindbFiles() throws Exception {
    return store.list(".lamindb").stream()
        .map(o -> o.key())
        .filter(k -> !k.startsWith(".lamindb/lamin.db") && !k.equals(".lamindb/storage_uid.txt"))
        .map(k -> store.root() + "/" + k)
        .toList();
  }

  @Test
  void saveCopiesIntoStorageWithLaminDbHashAndUid() throws Exception {
    Artifact a = ln.artifact(file("a.txt", "a")).key("examples/a.txt").save();
    assertThat(a.uid()).hasSize(20).endsWith("0000").matches("[0-9A-Za-z]{20}");
    // spec §3.2 test vector: md5 of the one-byte content "a", base64url without padding
    assertThat(a.hash()).isEqualTo("DMF1ucDxtqgxw5niaXcmYQ");
    assertThat(a.hashType()).isEqualTo("md5");
    assertThat(a.size()).isEqualTo(1L);
    assertThat(a.suffix()).isEqualTo(".txt");
    assertThat(a.isLatest()).isTrue();
    String stored = store.root() + "/.lamindb/" + a.uid() + ".txt";
    assertThat(a.path()).isEqualTo(stored);
    assertThat(storedContent(stored)).isEqualTo("a");
    assertThat(a.cache()).hasContent("a");
    if (local()) {
      assertThat(a.cache()).isEqualTo(Path.of(stored));
      assertThat(a.storage().root()).isEqualTo(root.toString());
    } else {
      assertThat(a.cache()).startsWith(tmp.resolve("cache"));
    }
    try (InputStream in = a.openStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a");
    }
    assertThat(a.createdBy().handle()).isEqualTo("anonymous");
    assertThat(lamindbFiles()).containsExactly(stored);
  }

  @Test
  void sameContentReturnsTheExistingArtifact() throws Exception {
    Artifact a = ln.artifact(file("x.csv", "id\n1\n")).key("raw/x.csv").save();
    Artifact b = ln.artifact(file("copy/x.csv", "id\n1\n")).key("raw/x.csv").save();
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.uid()).isEqualTo(a.uid());
    Artifact c =
        ln.artifact(file("y.csv", "id\n1\n")).key("other/y.csv").description("same bytes").save();
    assertThat(c.id()).isEqualTo(a.id());
    assertThat(c.key()).isEqualTo("raw/x.csv");
    assertThat(c.description()).isEqualTo("same bytes");
    assertThat(rows()).isEqualTo(1);
    assertThat(lamindbFiles()).hasSize(1);
  }

  @Test
  void newContentUnderSameKeyIsANewVersion() throws Exception {
    Artifact v1 =
        ln.artifact(file("s.fasta", ">seq1\nACGT\n"))
            .key("sample.fasta")
            .description("first")
            .save();
    Artifact v2 = ln.artifact(file("s.fasta", ">seq1\nTGCA\n")).key("sample.fasta").save();
    assertThat(v2.uid()).startsWith(v1.uid().substring(0, 16)).endsWith("0001");
    assertThat(v2.isLatest()).isTrue();
    assertThat(v1.refresh().isLatest()).isFalse();
    assertThat(v2.description()).isEqualTo("first");
    Artifact v3 = ln.artifact(file("s.fasta", ">seq1\nGGGG\n")).key("sample.fasta").save();
    assertThat(v3.version()).isEqualTo("0002");
    assertThat(v1.versions().list())
        .extracting(Artifact::uid)
        .containsExactly(v1.uid(), v2.uid(), v3.uid());
    assertThat(ln.artifacts().filter("is_latest", true).count()).isEqualTo(1);
    assertThat(storedContent(v1.path())).isEqualTo(">seq1\nACGT\n");
    assertThat(storedContent(v3.path())).isEqualTo(">seq1\nGGGG\n");
    // old content passed again returns the old version, no new row
    Artifact again = ln.artifact(file("old.fasta", ">seq1\nACGT\n")).key("sample.fasta").save();
    assertThat(again.uid()).isEqualTo(v1.uid());
    assertThat(rows()).isEqualTo(3);
  }

  @Test
  void explicitRevisesJoinsTheFamilyAndInheritsKey() throws Exception {
    Artifact v1 = ln.artifact(file("m.txt", "model 1")).key("models/m.txt").save();
    Artifact v2 = ln.artifact(file("n.txt", "model 2")).revises(v1).save();
    assertThat(v2.key()).isEqualTo("models/m.txt");
    assertThat(v2.uid()).isEqualTo(v1.uid().substring(0, 16) + "0001");
  }

  @Test
  void versionSuffixCrossesTheBase62CaseBoundary() throws Exception {
    Artifact v = ln.artifact(file("v.txt", "v0")).key("v.txt").save();
    for (int i = 1; i <= 36; i++) {
      v = ln.artifact(file("v.txt", "v" + i)).key("v.txt").save();
    }
    // 36 in base62 is 'a' (digits 0-9, then A-Z = 10..35, then a-z)
    assertThat(v.version()).isEqualTo("000a");
    assertThat(ln.artifacts().filter("is_latest", true).count()).isEqualTo(1);
  }

  @Test
  void invalidKeysAreRejectedNamingTheRuleAndNothingIsWritten() throws Exception {
    Path f = file("k.txt", "k");
    String[][] cases = {
      {"/abs/k.txt", "no-absolute-paths"},
      {"a/../k.txt", "no-dot-segments"},
      {"./k.txt", "no-dot-segments"},
      {"a//k.txt", "no-empty-segments"},
      {"a\\k.txt", "no-backslashes"},
      {"a\u0001/k.txt", "no-control-characters"},
      {".lamindb/k.txt", "no-lamindb-prefix"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> ln.artifact(f).key(c[0]).save())
          .as(c[0])
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining(c[1]);
    }
    assertThat(rows()).isZero();
    assertThat(lamindbFiles()).isEmpty();
  }

  @Test
  void keySuffixMustMatchPathSuffix() throws Exception {
    Path f = file("test.xyz", "x");
    assertThatThrownBy(() -> ln.artifact(f).key("uploads/test").save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'.xyz'")
        .hasMessageContaining("''");
    Artifact ok = ln.artifact(f).key("uploads/test.xyz").save();
    assertThat(ok.suffix()).isEmpty();
  }

  @Test
  void keyOrDescriptionIsRequired() throws Exception {
    Path f = file("nokey.txt", "n");
    assertThatThrownBy(() -> ln.artifact(f).save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Pass one of key, run or description");
    assertThat(ln.artifact(f).description("described").save().key()).isNull();
  }

  @Test
  void missingFileIsReported() {
    assertThatThrownBy(() -> ln.artifact(tmp.resolve("nope.txt")).key("nope.txt").save())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope.txt");
  }

  @Test
  void filesInsideStorageAreRegisteredInPlace() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(local(), "local storage only");
    Path inside = Files.createDirectories(root.resolve("my_dir")).resolve("my_file.csv");
    Files.writeString(inside, "a,b\n1,2\n");
    Artifact a = ln.artifact(inside).save();
    assertThat(a.key()).isEqualTo("my_dir/my_file.csv");
    assertThat(a.path()).isEqualTo(inside.toString());
    assertThat(lamindbFiles()).isEmpty();
    // two identical files in storage are two artifacts (no dedup in place)
    Path twin = root.resolve("my_dir/twin.csv");
    Files.writeString(twin, "a,b\n1,2\n");
    assertThat(ln.artifact(twin).save().id()).isNotEqualTo(a.id());
    a.delete(true);
    assertThat(inside).exists();
  }

  @Test
  void pathsInsideLamindbFolderAreRejected() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(local(), "local storage only");
    Artifact a = ln.artifact(file("z.txt", "z")).key("z.txt").save();
    assertThatThrownBy(() -> ln.artifact(Path.of(a.path())).key("again.txt").save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(".lamindb/");
  }

  @Test
  void foldersHashLikeLaminDbAndVersionsShareOnePath() throws Exception {
    Path dir = tmp.resolve("folder");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.writeString(dir.resolve("sub/b.txt"), "b");
    Artifact v1 = ln.artifact(dir).key("folders/f").save();
    // spec §3.3 vector: a folder with files containing "a" and "b"
    assertThat(v1.hash()).isEqualTo("YNCwyFw7rBegqZLBVEckCg");
    assertThat(v1.hashType()).isEqualTo("md5-d");
    assertThat(v1.nFiles()).isEqualTo(2);
    assertThat(v1.size()).isEqualTo(2);
    assertThat(v1.path()).isEqualTo(store.root() + "/.lamindb/" + v1.uid().substring(0, 16));
    assertThat(storedContent(v1.path() + "/sub/b.txt")).isEqualTo("b");
    assertThat(v1.cache().resolve("sub/b.txt")).hasContent("b");
    Files.writeString(dir.resolve("c.txt"), "c");
    Artifact v2 = ln.artifact(dir).key("folders/f").save();
    assertThat(v2.path()).isEqualTo(v1.path());
    assertThat(storedContent(v2.path() + "/c.txt")).isEqualTo("c");
    assertThat(v2.cache().resolve("c.txt")).hasContent("c");
    assertThatThrownBy(() -> v1.refresh().cache())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("older version");
    v2.delete(true);
    assertThat(ln.artifacts().filter("key", "folders/f").count()).isZero();
    assertThat(storedExists(v1.path())).isFalse();
  }

  @Test
  void emptyFilesAreNeverDeduplicated() throws Exception {
    // with a null key, the unique (storage, hash) constraint of LaminDB would merge them, so give
    // keys
    Artifact a = ln.artifact(file("e1", "")).key("empty/one").save();
    Artifact b = ln.artifact(file("e2", "")).key("empty/two").save();
    assertThat(a.hash()).isEqualTo(b.hash());
    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void trashKeepsContentAndPromotesPreviousVersion() throws Exception {
    Artifact v1 = ln.artifact(file("t.txt", "1")).key("t.txt").save();
    Artifact v2 = ln.artifact(file("t.txt", "2")).key("t.txt").save();
    v2.delete();
    assertThat(v1.refresh().isLatest()).isTrue();
    assertThat(v2.get("branch_id")).isEqualTo(-1L);
    assertThat(storedExists(v2.path())).isTrue();
    assertThat(ln.artifacts().filter("key", "t.txt").count()).isEqualTo(1);
    v2.restore();
    assertThat(ln.artifacts().filter("key", "t.txt").count()).isEqualTo(2);
  }

  @Test
  void sameContentAfterTrashCreatesANewArtifact() throws Exception {
    Artifact a = ln.artifact(file("r.txt", "r")).key("r.txt").save();
    a.delete();
    Artifact b = ln.artifact(file("r2.txt", "r")).key("r2.txt").save();
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void permanentDeleteRemovesOwnedContent() throws Exception {
    Artifact a = ln.artifact(file("p.txt", "p")).key("p.txt").save();
    String stored = a.path();
    a.delete(true);
    assertThat(storedExists(stored)).isFalse();
    assertThat(rows()).isZero();
  }

  @Test
  void describeShowsLaminDbTree() throws Exception {
    Artifact a =
        ln.artifact(file("d.txt", "describe me"))
            .key("examples/d.txt")
            .description("a file")
            .save();
    String text = a.describeText();
    assertThat(text).startsWith("Artifact: examples/d.txt (0000)\n│   description: a file\n");
    assertThat(text)
        .contains(
            "uid: " + a.uid(),
            "hash: " + a.hash(),
            "size: 11 B",
            "branch: main",
            "space: all",
            "created_by: anonymous",
            "storage/path: " + a.path());
    assertThat(text).doesNotContain("\u001b[");
  }

  @Test
  void repairRemovesOrphansOfInterruptedSaves() throws Exception {
    Artifact kept = ln.artifact(file("keep.txt", "keep")).key("keep.txt").save();
    putStored(".lamindb/.lamindb-tmp-XXXXXXXXXXXXXXXX.txt", "partial");
    putStored(".lamindb/AAAAAAAAAAAAAAAA0000.txt", "no row");
    String orphanTemp = store.root() + "/.lamindb/.lamindb-tmp-XXXXXXXXXXXXXXXX.txt";
    String orphanFile = store.root() + "/.lamindb/AAAAAAAAAAAAAAAA0000.txt";
    var files = ArtifactFiles.of(Access.instance(ln));
    var dry = files.repair(true);
    assertThat(dry.orphans()).containsExactlyInAnyOrder(orphanTemp, orphanFile);
    assertThat(storedExists(orphanTemp)).isTrue();
    var fixed = files.repair(false);
    assertThat(fixed.orphans()).hasSize(2);
    assertThat(storedExists(orphanTemp)).isFalse();
    assertThat(storedExists(orphanFile)).isFalse();
    assertThat(storedContent(kept.path())).isEqualTo("keep");
    store.delete(keyOf(kept.path()));
    assertThat(files.repair(true).missing()).containsExactly(kept.path());
  }

  @Test
  void concurrentSaversOfOneKeyKeepOneLatestAndNoErrors() throws Exception {
    int n = 8;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      inputs.add(file("c" + i + ".txt", "content " + (i % 4)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Artifact>> fs = new ArrayList<>();
      for (Path p : inputs) {
        fs.add(pool.submit(() -> ln.artifact(p).key("shared/key.txt").save()));
      }
      for (Future<Artifact> f : fs) {
        assertThat(f.get().isSaved()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ln.artifacts().filter("key", "shared/key.txt").count()).isEqualTo(4);
    assertThat(ln.artifacts().filter("key", "shared/key.txt").filter("is_latest", true).count())
        .isEqualTo(1);
    assertThat(lamindbFiles()).hasSize(4);
  }

  @Test
  void allVersionsNotLatestBlocksKeyInference() throws Exception {
    Artifact v1 = ln.artifact(file("l.txt", "1")).key("l.txt").save();
    Access.instance(ln)
        .db()
        .dsl()
        .execute("UPDATE lamindb_artifact SET is_latest = FALSE WHERE id = " + v1.id());
    assertThatThrownBy(() -> ln.artifact(file("l.txt", "2")).key("l.txt").save())
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("none has is_latest=true");
  }

  @Test
  void bulkSaveOfAFolderDedupsAndVersionsLikeSingleSaves() throws Exception {
    Artifact old = ln.artifact(file("pre.txt", "version one")).key("bulk/b.txt").save();
    Path dir = tmp.resolve("bulk");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.txt"), "alpha");
    Files.writeString(dir.resolve("b.txt"), "version two");
    Files.writeString(dir.resolve("sub/c.txt"), "alpha");
    Files.writeString(dir.resolve("sub/d.txt"), "delta");
    List<Artifact> saved = ln.saveFiles(dir, "bulk");
    assertThat(saved).hasSize(4).allMatch(Artifact::isSaved);
    Artifact a = saved.get(0);
    Artifact b = saved.get(1);
    Artifact c = saved.get(2);
    assertThat(a.key()).isEqualTo("bulk/a.txt");
    assertThat(storedContent(a.path())).isEqualTo("alpha");
    // same content as a.txt: resolves to the same artifact
    assertThat(c.uid()).isEqualTo(a.uid());
    // b.txt existed with other content: new version of that family
    assertThat(b.uid()).isEqualTo(old.uid().substring(0, 16) + "0001");
    assertThat(old.refresh().isLatest()).isFalse();
    assertThat(ln.artifacts().filter("key__startswith", "bulk/").count()).isEqualTo(4);
    assertThat(storedContent(saved.get(3).path())).isEqualTo("delta");
    // saving the same folder again changes nothing
    List<Artifact> again = ln.saveFiles(dir, "bulk");
    assertThat(again)
        .extracting(Artifact::uid)
        .containsExactlyElementsOf(saved.stream().map(Artifact::uid).toList());
    assertThat(ln.artifacts().filter("key__startswith", "bulk/").count()).isEqualTo(4);
  }
}
