package org.lamindb.internal.collection;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.spi.RegistryDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves collections (spec §12): members must be saved, hash = LaminDB's hash set of member hashes
 * (the same set returns the existing collection), a schema must be carried by every member, and a
 * new version of a key demotes the previous head. A version whose member list extends the list of
 * the version it revises stores only the new members and points to that version ({@code _base_id},
 * migration 4).
 */
public final class CollectionStore {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionStore.class);
  static final String LINKS = "lamindb_collectionartifact";
  private static final int BATCH = 500;

  private final Instance inst;
  private final RegistryDef reg;

  private CollectionStore(Instance inst) {
    this.inst = inst;
    this.reg = inst.registry("Collection");
    inst.describer().addSection(new CollectionSections(inst));
  }

  /**
   * @return the store of {@code inst}
   */
  public static CollectionStore of(Instance inst) {
    return inst.service(CollectionStore.class, CollectionStore::new);
  }

  /**
   * Saves {@code c}: a new version, the existing collection with the same members, or an update.
   */
  public void save(Collection c, CollectionDraft d) {
    if (d.members == null) {
      RecordStore.save(inst, c);
      return;
    }
    List<Artifact> members = distinctSaved(d.members);
    Map<String, Object> v = Access.values(c);
    if (v.get("key") == null) {
      throw new InvalidArgumentException(
          "a collection needs a key: ln.collection(artifacts).key(\"my/collection\").save()");
    }
    Collection revises = d.revises != null ? d.revises : latestByKey((String) v.get("key"));
    Long schemaId = d.schemaId != null ? d.schemaId : schemaOf(revises);
    checkSchema(members, schemaId);
    String hash = hashOf(members);
    Collection existing = byHash(hash);
    if (existing == null) {
      existing = fromTrash((String) v.get("key"), hash);
    }
    if (existing != null) {
      returnExisting(c, existing);
      d.members = null;
      d.revises = null;
      return;
    }
    if (schemaId != null) {
      v.put("schema_id", schemaId);
      Access.dirty(c).add("schema_id");
    }
    v.put("hash", hash);
    if (revises != null && v.get("description") == null) {
      v.put("description", revises.description());
    }
    List<Long> ids = members.stream().map(Artifact::id).toList();
    inst.db()
        .transaction(
            ctx -> {
              insertVersion(ctx, c, revises, ids);
              return null;
            });
    d.members = null;
    d.revises = null;
    for (Artifact a : members) {
      inst.trackInput(a);
    }
    if (revises != null) {
      inst.trackInput(revises);
    }
  }

  private void insertVersion(DSLContext ctx, Collection c, Collection revises, List<Long> ids) {
    Map<String, Object> v = Access.values(c);
    List<Long> delta = ids;
    if (revises != null) {
      String stem = revises.uid().substring(0, reg.stemLength());
      v.put("uid", stem + Uids.increment(maxSuffix(ctx, stem)));
      List<Long> base = MemberLists.memberIds(ctx, revises.id());
      if (!base.isEmpty() && ids.size() > base.size() && ids.subList(0, base.size()).equals(base)) {
        v.put("_base_id", revises.id());
        delta = ids.subList(base.size(), ids.size());
      }
      demoteHead(ctx, stem);
      LOG.info("creating new collection version for key '{}'", v.get("key"));
    }
    RecordStore.insert(inst, ctx, c);
    insertLinks(ctx, c.id(), delta);
  }

  private void demoteHead(DSLContext ctx, String stem) {
    ctx.update(RecordStore.table(reg))
        .set(col("is_latest"), DSL.inline(false))
        .where(col("uid").like(stem + "%"))
        .and(col("is_latest").eq(DSL.inline(true)))
        .and(col("branch_id").eq(inst.branchId()))
        .execute();
  }

  private String maxSuffix(DSLContext ctx, String stem) {
    String max = "0000";
    for (Record row :
        ctx.select(col("uid")).from(RecordStore.table(reg)).where(col("uid").like(stem + "%"))) {
      String s = ((String) row.get(0)).substring(reg.stemLength());
      if (Uids.decode(s) > Uids.decode(max)) {
        max = s;
      }
    }
    return max;
  }

  void insertLinks(DSLContext ctx, long collectionId, List<Long> artifactIds) {
    Object now = inst.db().toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now());
    for (int from = 0; from < artifactIds.size(); from += BATCH) {
      var insert =
          ctx.insertInto(
              DSL.table(DSL.name(LINKS)),
              col("collection_id"),
              col("artifact_id"),
              col("created_at"),
              col("created_by_id"),
              col("run_id"));
      for (Long a : artifactIds.subList(from, Math.min(artifactIds.size(), from + BATCH))) {
        insert = insert.values(collectionId, a, now, inst.userId(), inst.currentRunId());
      }
      insert.execute();
    }
  }

  /** The members in order, duplicates (by id) dropped with a warning; all must be saved. */
  private static List<Artifact> distinctSaved(List<Artifact> members) {
    Map<Long, Artifact> byId = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Artifact a = members.get(i);
      if (a == null) {
        throw new InvalidArgumentException("artifact #" + i + " of the collection is null");
      }
      if (!a.isSaved()) {
        throw new InvalidArgumentException(
            "Not all artifacts are yet saved, please save them: artifact #"
                + i
                + (a.key() != null ? " (key '" + a.key() + "')" : "")
                + " is not saved; call save() on it (or Artifact.saveAll(list)) before"
                + " creating the collection");
      }
      if (byId.putIfAbsent(a.id(), a) != null) {
        LOG.warn(
            "artifact {} appears more than once; a collection holds each artifact once", a.uid());
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** LaminDB's hash of the member hashes: order-independent, duplicates collapsed. */
  static String hashOf(List<Artifact> members) {
    List<String> hashes = new ArrayList<>();
    for (Artifact a : members) {
      if (a.hash() != null) {
        hashes.add(a.hash());
      }
    }
    if (hashes.stream().distinct().count() < hashes.size()) {
      LOG.warn("the artifacts of this collection have non-unique hashes");
    }
    return hashes.isEmpty() ? null : Hashing.hashSet(hashes);
  }

  private void checkSchema(List<Artifact> members, Long schemaId) {
    if (schemaId == null) {
      return;
    }
    List<String> bad = new ArrayList<>();
    for (Artifact a : members) {
      Object s = a.get("schema_id");
      if (!schemaId.equals(s)) {
        bad.add(
            "artifact "
                + a.uid()
                + (a.key() != null ? " ('" + a.key() + "')" : "")
                + " has schema "
                + (s == null ? "none" : "id " + s));
      }
    }
    if (!bad.isEmpty()) {
      throw new ValidationException(
          bad.size()
              + " of "
              + members.size()
              + " artifacts do not carry the collection's schema (id "
              + schemaId
              + "): "
              + String.join("; ", bad)
              + ". Validate them with that schema first or create the collection without it",
          bad);
    }
  }

  private Long schemaOf(Collection revises) {
    return revises == null ? null : (Long) revises.get("schema_id");
  }

  private Collection latestByKey(String key) {
    List<Collection> l =
        load(
            col("key")
                .eq(key)
                .and(col("is_latest").eq(DSL.inline(true)))
                .and(col("branch_id").ne(RecordStore.TRASH)));
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  private Collection byHash(String hash) {
    if (hash == null) {
      return null;
    }
    List<Collection> l = load(col("hash").eq(hash).and(col("branch_id").ne(RecordStore.TRASH)));
    return l.isEmpty() ? null : l.get(0);
  }

  /**
   * A trashed collection with this key and hash (the unique pair): LaminDB restores it to main and
   * returns it instead of failing on the constraint.
   */
  private Collection fromTrash(String key, String hash) {
    if (hash == null) {
      return null;
    }
    List<Collection> l =
        load(
            col("hash")
                .eq(hash)
                .and(col("key").eq(key))
                .and(col("branch_id").eq(RecordStore.TRASH)));
    if (l.isEmpty()) {
      return null;
    }
    Collection trashed = l.get(0);
    RecordStore.restore(inst, trashed);
    LOG.warn("returning collection from trash with same hash & key: {}", trashed.uid());
    return trashed;
  }

  /** Turns {@code c} into {@code existing}, applying a changed key/description, as LaminDB does. */
  private void returnExisting(Collection c, Collection existing) {
    Map<String, Object> v = Access.values(c);
    Map<String, Object> wanted = new LinkedHashMap<>();
    for (String f : List.of("key", "description")) {
      if (v.get(f) != null && !v.get(f).equals(existing.get(f))) {
        wanted.put(f, v.get(f));
      }
    }
    v.clear();
    v.putAll(Access.values(existing));
    Access.dirty(c).clear();
    LOG.warn(
        "returning existing collection with same hash: {}; if you intended to query to track this"
            + " collection as an input, use: ln.collections().get(\"{}\")",
        existing,
        existing.uid());
    for (var e : wanted.entrySet()) {
      v.put(e.getKey(), e.getValue());
      Access.dirty(c).add(e.getKey());
    }
    if (!wanted.isEmpty()) {
      RecordStore.update(inst, inst.db().dsl(), c);
    }
    Long run = inst.currentRunId();
    if (run != null && !run.equals(v.get("run_id"))) {
      inst.db()
          .dsl()
          .insertInto(DSL.table(DSL.name("lamindb_collection_recreating_runs")))
          .set(col("collection_id"), c.id())
          .set(col("run_id"), run)
          .onConflictDoNothing()
          .execute();
    }
  }

  /**
   * @return the collections matching {@code where}, in id order
   */
  List<Collection> load(org.jooq.Condition where) {
    return RecordStore.load(inst, reg, where).stream()
        .map(Collection.class::cast)
        .collect(Collectors.toList());
  }

  /**
   * @return the ids of the members of {@code collectionId}, in insertion order
   */
  public List<Long> memberIds(long collectionId) {
    return MemberLists.memberIds(inst.db().dsl(), collectionId);
  }

  /**
   * @return the members of {@code c}, in insertion order (trashed members included)
   */
  public List<Artifact> members(Collection c) {
    List<Long> ids = memberIds(c.id());
    Map<Long, Artifact> byId = new java.util.HashMap<>();
    RegistryDef art = inst.registry("Artifact");
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
      for (var r : RecordStore.load(inst, art, col("id").in(part))) {
        byId.put(r.id(), (Artifact) r);
      }
    }
    List<Artifact> out = new ArrayList<>(ids.size());
    for (Long id : ids) {
      Artifact a = byId.get(id);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * @return the ids of {@code collectionId} and of the versions its member list extends
   */
  public List<Long> chain(long collectionId) {
    return MemberLists.chain(inst.db().dsl(), collectionId);
  }

  /** Deletes {@code c} permanently; versions that extend its member list keep their members. */
  public void deletePermanently(Collection c) {
    if (c.id() == null) {
      return;
    }
    inst.db()
        .transaction(
            ctx -> {
              MemberLists.detachChildren(this, ctx, c.id());
              return null;
            });
    RecordStore.delete(inst, c, true);
  }

  /** Guards {@code revise} against a version that is not saved. */
  public static void requireSaved(Collection c, String what) {
    if (!c.isSaved()) {
      throw new IntegrityException(
          "save the collection before " + what + ": call save() on it first");
    }
  }
}
