package org.lamindb.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Dtype;
import org.lamindb.model.Schema;
import org.lamindb.testing.Backend;

/** Collections (spec §12): saving, hashing, versions, membership, trash; on every backend. */
public abstract class AbstractCollectionTest {
  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() throws Exception {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage").toString(), "test"));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  Artifact saved(String key, String content) throws Exception {
    Path p = tmp.resolve("in").resolve(key);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return ln.artifact(p).key(key).save();
  }

  /** LaminDB's hash_set, computed here independently: b64url(md5(":".join(sorted)))[:22]. */
  static String hashSet(String... hashes) throws Exception {
    String joined = java.util.Arrays.stream(hashes).sorted().collect(Collectors.joining(":"));
    byte[] d = MessageDigest.getInstance("MD5").digest(joined.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
  }

  long linkRows() {
    return Access.instance(ln)
        .db()
        .dsl()
        .fetchCount(org.jooq.impl.DSL.table("lamindb_collectionartifact"));
  }

  static List<String> keys(List<Artifact> l) {
    return l.stream().map(Artifact::key).toList();
  }

  @Test
  void saveKeepsOrderAndHashesMemberHashes() throws Exception {
    Artifact b = saved("b.txt", "b");
    Artifact a = saved("a.txt", "a");
    Collection c = ln.collection(List.of(b, a)).key("letters").description("two").save();
    assertThat(c.uid()).hasSize(20).endsWith("0000");
    assertThat(c.hash()).isEqualTo(hashSet("DMF1ucDxtqgxw5niaXcmYQ", b.hash()));
    assertThat(c.isLatest()).isTrue();
    assertThat(c.version()).isEqualTo("0000");
    assertThat(keys(c.ordered())).containsExactly("b.txt", "a.txt");
    assertThat(keys(c.artifacts().list())).containsExactly("b.txt", "a.txt");
    assertThat(c.artifacts().count()).isEqualTo(2);
    assertThat(ln.collections().get("letters").uid()).isEqualTo(c.uid());
    assertThat(ln.collections().get(c.uid()).description()).isEqualTo("two");
  }

  @Test
  void collectionFromQuerySetUsesItsOrder() throws Exception {
    saved("raw/1.txt", "1");
    saved("raw/2.txt", "2");
    saved("other.txt", "3");
    Collection c =
        ln.collection(ln.artifacts().filter("key__startswith", "raw/").orderBy("-key"))
            .key("raw")
            .save();
    assertThat(keys(c.ordered())).containsExactly("raw/2.txt", "raw/1.txt");
  }

  @Test
  void unsavedMemberIsNamedAndNothingIsWritten() throws Exception {
    Artifact a = saved("a.txt", "a");
    Path p = Files.writeString(tmp.resolve("u.txt"), "u");
    Artifact unsaved = ln.artifact(p).key("unsaved.txt");
    assertThatThrownBy(() -> ln.collection(List.of(a, unsaved)).key("k").save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Not all artifacts are yet saved")
        .hasMessageContaining("#1")
        .hasMessageContaining("unsaved.txt");
    assertThat(ln.collections().count()).isZero();
    assertThat(linkRows()).isZero();
  }

  @Test
  void missingKeyIsAClearError() throws Exception {
    Artifact a = saved("a.txt", "a");
    assertThatThrownBy(() -> ln.collection(List.of(a)).save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("needs a key");
  }

  @Test
  void sameMemberSetReturnsTheExistingCollection() throws Exception {
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Collection c = ln.collection(List.of(a, b)).key("k").save();
    Collection again = ln.collection(List.of(b, a)).key("k").description("new").save();
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(again.description()).isEqualTo("new");
    assertThat(ln.collections().count()).isEqualTo(1);
    assertThat(ln.collections().get(c.uid()).description()).isEqualTo("new");
    assertThat(linkRows()).isEqualTo(2);
  }

  @Test
  void appendMakesVersionsAndStoresOnlyTheDelta() throws Exception {
    List<Artifact> arts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      arts.add(saved("f" + i + ".txt", "content " + i));
    }
    Collection v = ln.collection(List.of(arts.get(0), arts.get(1))).key("growing").save();
    List<Collection> all = new ArrayList<>(List.of(v));
    for (int i = 2; i < 6; i++) {
      v = v.append(arts.get(i));
      all.add(v);
    }
    assertThat(all.stream().map(Collection::version))
        .containsExactly("0000", "0001", "0002", "0003", "0004");
    assertThat(all.stream().map(x -> x.uid().substring(0, 16)).distinct()).hasSize(1);
    assertThat(linkRows()).isEqualTo(6); // 2 + one per append, not 2+3+4+5+6
    for (int n = 0; n < all.size(); n++) {
      Collection c = ln.collections().get(all.get(n).uid());
      List<String> expected = keys(arts.subList(0, n + 2));
      assertThat(keys(c.ordered())).containsExactlyElementsOf(expected);
      assertThat(keys(c.artifacts().list())).containsExactlyElementsOf(expected);
      assertThat(c.isLatest()).isEqualTo(n == all.size() - 1);
    }
    assertThat(ln.collections().get("growing").version()).isEqualTo("0004");
    assertThat(all.get(0).versions().stream().map(Collection::version))
        .containsExactly("0000", "0001", "0002", "0003", "0004");
    // traversal sees inherited members: f0 is a member of every version
    assertThat(ln.collections().filter("artifacts__key__startswith", "f0").count()).isEqualTo(5);
    assertThat(ln.collections().filter("artifacts__key", "f5.txt").count()).isEqualTo(1);
    assertThat(ln.artifacts().filter("collections", all.get(1)).count()).isEqualTo(3);
  }

  @Test
  void reviseWithAnotherListStoresItInFull() throws Exception {
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Artifact c = saved("c.txt", "c");
    Collection v0 = ln.collection(List.of(a, b)).key("k").save();
    Collection v1 = v0.revise(List.of(c, a));
    assertThat(v1.version()).isEqualTo("0001");
    assertThat(keys(v1.ordered())).containsExactly("c.txt", "a.txt");
    assertThat(keys(ln.collections().get(v0.uid()).ordered())).containsExactly("a.txt", "b.txt");
    assertThat(ln.collections().get(v0.uid()).isLatest()).isFalse();
  }

  @Test
  void appendingAMemberReturnsTheSameCollection() throws Exception {
    Artifact a = saved("a.txt", "a");
    Collection c = ln.collection(List.of(a)).key("k").save();
    assertThat(c.append(a).id()).isEqualTo(c.id());
    assertThat(ln.collections().count()).isEqualTo(1);
  }

  @Test
  void schemaMustBeCarriedByEveryMember() throws Exception {
    Schema s = ln.schema("cols", ln.feature("x", Dtype.INT).save()).save();
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Artifact c = saved("c.txt", "c");
    ln.artifacts().filter("id", a.id()).update(Map.of("schema_id", s.id()));
    Artifact a2 = ln.artifacts().get(a.uid());
    assertThatThrownBy(() -> ln.collection(List.of(a2, b, c)).key("k").schema(s).save())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2 of 3")
        .hasMessageContaining(b.uid())
        .hasMessageContaining(c.uid())
        .hasMessageNotContaining(a.uid());
    assertThat(ln.collections().count()).isZero();
    Collection ok = ln.collection(List.of(a2)).key("k").schema(s).save();
    assertThat(ok.schema().id()).isEqualTo(s.id());
    // a new version inherits the schema: a member without it is refused
    assertThatThrownBy(() -> ok.append(b)).isInstanceOf(ValidationException.class);
  }

  @Test
  void trashRestoreAndPermanentDeleteKeepMembers() throws Exception {
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Artifact c = saved("c.txt", "c");
    Collection v0 = ln.collection(List.of(a, b)).key("k").save();
    Collection v1 = v0.append(c);
    v1.delete();
    assertThat(ln.collections().count()).isEqualTo(1);
    assertThat(ln.collections().get("k").uid()).isEqualTo(v0.uid());
    v1.restore();
    assertThat(ln.collections().count()).isEqualTo(2);
    v0.delete(true); // v1 extends v0's member list: it must keep all three members
    assertThat(ln.collections().count()).isEqualTo(1);
    assertThat(keys(ln.collections().get(v1.uid()).ordered()))
        .containsExactly("a.txt", "b.txt", "c.txt");
    v1.delete(true);
    assertThat(linkRows()).isZero();
    assertThat(ln.artifacts().count()).isEqualTo(3);
  }

  @Test
  void describeShowsMembersCountSchemaVersionAndRun() throws Exception {
    Schema s = ln.schema("cols", ln.feature("x", Dtype.INT).save()).save();
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Artifact c = saved("c.txt", "c");
    ln.artifacts()
        .filter("id__in", List.of(a.id(), b.id(), c.id()))
        .update(Map.of("schema_id", s.id()));
    List<Artifact> withSchema = ln.artifacts().orderBy("id").list();
    org.lamindb.model.Run run =
        ln.track(org.lamindb.lineage.TrackOptions.ofKey("make-collection.sh").sourceCode("x\n"));
    Collection v0 =
        ln.collection(withSchema.subList(0, 2)).key("k").description("d").schema(s).save();
    Collection v1 = v0.append(withSchema.get(2));
    ln.finish();
    String text = ln.collections().get(v1.uid()).describeText();
    assertThat(text).startsWith("Collection: k (0001)\n│   description: d");
    assertThat(text)
        .contains("version: 0001 (latest)")
        .contains("schema: cols")
        .contains("run: " + run.uid().substring(0, 7) + " (make-collection.sh)")
        .contains("Artifacts (3)")
        .contains(a.uid() + "  a.txt", b.uid() + "  b.txt", c.uid() + "  c.txt");
    String old = ln.collections().get(v0.uid()).describeText();
    assertThat(old).startsWith("Collection: k (0000)").contains("Artifacts (2)");
    assertThat(old).contains("version: 0000").doesNotContain("version: 0000 (latest)");
    assertThat(old).doesNotContain(c.uid());
  }

  @Test
  void sameMemberSetLogsLaminDbsMessage() throws Exception {
    Artifact a = saved("a.txt", "a");
    Collection c = ln.collection(List.of(a)).key("k").save();
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      ln.collection(List.of(a)).key("k").save();
    } finally {
      System.setErr(err);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("returning existing collection with same hash: ")
        .contains(c.uid())
        .contains("if you intended to query to track this collection as an input, use:");
  }

  @Test
  void trashedCollectionWithTheSameKeyAndMembersIsRestored() throws Exception {
    Artifact a = saved("a.txt", "a");
    Artifact b = saved("b.txt", "b");
    Collection c = ln.collection(List.of(a, b)).key("k").save();
    c.delete();
    assertThat(ln.collections().count()).isZero();
    assertThat(ln.artifacts().count()).isEqualTo(2); // members are kept
    Collection again = ln.collection(List.of(b, a)).key("k").save();
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(ln.collections().count()).isEqualTo(1);
    assertThat(keys(ln.collections().get("k").ordered())).containsExactly("a.txt", "b.txt");
    assertThat(linkRows()).isEqualTo(2);
  }

  @Test
  void collectionsFilterTraversesMembersAndTheirFields() throws Exception {
    Artifact a = saved("raw/a.txt", "a");
    Artifact b = saved("raw/b.txt", "b");
    Artifact c = saved("other/c.txt", "c");
    Collection raw = ln.collection(List.of(a, b)).key("raw").save();
    Collection mixed = ln.collection(List.of(b, c)).key("mixed").save();
    assertThat(ln.collections().filter("artifacts__key__startswith", "raw/").orderBy("id").list())
        .extracting(Collection::uid)
        .containsExactly(raw.uid(), mixed.uid());
    assertThat(ln.collections().filter("artifacts__key__startswith", "other/").list())
        .extracting(Collection::uid)
        .containsExactly(mixed.uid());
    assertThat(ln.collections().filter("artifacts__uid", a.uid()).list())
        .extracting(Collection::uid)
        .containsExactly(raw.uid());
    assertThat(ln.collections().filter("artifacts__key__startswith", "none/").count()).isZero();
    mixed.delete();
    assertThat(ln.collections().filter("artifacts__key__startswith", "other/").count()).isZero();
  }
}
