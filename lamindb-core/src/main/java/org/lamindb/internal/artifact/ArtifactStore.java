package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.internal.artifact.ArtifactPlanner.Plan;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.internal.storage.Keys;
import org.lamindb.internal.storage.LocalFiles;
import org.lamindb.model.Artifact;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.RegistryDef;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving artifacts as LaminDB does (spec §2.3, §3.5, §4.2–4.4): hash, de-duplicate by hash, infer
 * the version family from the key, choose the storage key, and store crash-safely. The content is
 * first written under a temporary name in the target storage and verified; then, in one transaction
 * holding a lock on the key and hash, the decisions are re-checked, the content is moved to its
 * final name and the row is inserted (demoting the previous version). A crash leaves at most an
 * orphan file without a row, which {@code lamin repair} removes; never a row without its file.
 */
public final class ArtifactStore {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
  static final String TEMP_PREFIX = ".lamindb/.lamindb-tmp-";

  private final Instance inst;
  private final ArtifactFiles files;
  private final ArtifactPlanner planner;

  ArtifactStore(Instance inst) {
    this.inst = inst;
    this.files = ArtifactFiles.of(inst);
    this.planner = new ArtifactPlanner(inst, files);
  }

  /**
   * @return the artifact service of {@code inst}
   */
  public static ArtifactStore of(Instance inst) {
    return inst.service(ArtifactStore.class, ArtifactStore::new);
  }

  /**
   * Saves a new artifact, or turns {@code a} into the existing artifact with the same content.
   *
   * @return {@code a}
   */
  public Artifact save(Artifact a, ArtifactDraft d) {
    Map<String, Object> v = Access.values(a);
    if (a.isSaved()) {
      updateSaved(a, v);
      return a;
    }
    if (!d.hasContent()) {
      throw new InvalidArgumentException(
          "an artifact needs a file, folder or object to store: use ln.artifact(path)");
    }
    Plan p = plan(a, d, v);
    try {
      if (!p.skipHashLookup) {
        Optional<Artifact> existing = findByHash(inst.db().dsl(), p.hash);
        if (existing.isPresent()) {
          adoptExisting(a, v, existing.get());
          return a;
        }
      }
      store(a, d, v, p);
      d.memory = d.data;
      d.path = null;
      d.data = null;
      return a;
    } finally {
      if (p.serialized != null) {
        LocalFiles.deleteQuietly(p.serialized);
      }
    }
  }

  Plan plan(Artifact a, ArtifactDraft d, Map<String, Object> v) {
    return planner.plan(a, d, v);
  }

  /**
   * Stores the content and inserts the row (new family or new version). Order: intent committed →
   * upload to a temporary key → one transaction (key/hash locks, repair lock shared, decisions
   * re-checked, move to the final key, row inserted) → intent deleted. Readers see the row only
   * after the file is in place; repair never runs between the move and the commit.
   */
  private void store(Artifact a, ArtifactDraft d, Map<String, Object> v, Plan p) {
    ArtifactPlanner.fillColumns(d, v, p);
    StorageBackend backend = files.backend(p.storageId(), p.storageRoot());
    String tempKey = null;
    SaveIntents.Intent intent = null;
    if (!p.inPlace()) {
      tempKey = TEMP_PREFIX + Uids.random(16) + p.suffix;
      if (inst.schemaVersions().getOrDefault("lamindb", 0) >= 3) {
        intent = SaveIntents.of(inst).begin(p.storageId(), tempKey);
      }
      Faults.at("after-intent");
      upload(backend, p, tempKey);
      Faults.at("after-upload");
    }
    try {
      commit(a, d, v, p, backend, tempKey);
      Faults.at("after-commit");
    } finally {
      if (intent != null) {
        intent.close();
      }
    }
  }

  private void commit(
      Artifact a,
      ArtifactDraft d,
      Map<String, Object> v,
      Plan p,
      StorageBackend backend,
      String temp) {
    String[] finalKey = new String[1];
    try {
      Artifact existing =
          inst.db()
              .transaction(
                  ctx -> {
                    lock(
                        ctx,
                        "hash:" + p.hash,
                        v.get("key") == null ? null : "key:" + p.storageId() + ":" + v.get("key"));
                    Repair.lockShared(inst, ctx);
                    if (!p.skipHashLookup) {
                      Optional<Artifact> dup = findByHash(ctx, p.hash);
                      if (dup.isPresent()) {
                        return dup.get();
                      }
                    }
                    Artifact previous = assignVersion(ctx, a, d, v, p);
                    finalKey[0] = p.placement.storageKey((String) v.get("uid"), p.suffix);
                    if (temp != null) {
                      moveIntoPlace(backend, p, temp, finalKey[0]);
                    }
                    if (previous != null) {
                      ctx.update(RecordStore.table(CoreRegistries.ARTIFACT))
                          .set(col("is_latest"), DSL.inline(false))
                          .where(col("id").eq(previous.id()))
                          .execute();
                    }
                    RecordStore.insert(inst, ctx, a);
                    Faults.at("before-commit");
                    d.insertedRow = true;
                    return null;
                  });
      if (existing != null) {
        deleteQuietly(backend, temp);
        adoptExisting(a, v, existing);
        return;
      }
    } catch (RuntimeException e) {
      deleteQuietly(backend, temp);
      if (finalKey[0] != null && temp != null && !p.folder) {
        deleteQuietly(backend, finalKey[0]);
      }
      if (e instanceof IntegrityException && p.hash != null) {
        Optional<Artifact> same = findSameKeyAndHash(v, p);
        if (same.isPresent()) {
          adoptExisting(a, v, same.get());
          return;
        }
      }
      throw e;
    }
    LOG.debug("saved artifact {} at {}/{}", a.uid(), p.storageRoot(), finalKey[0]);
  }

  private static void moveIntoPlace(StorageBackend backend, Plan p, String temp, String key) {
    try {
      backend.move(temp, key);
    } catch (IOException e) {
      throw new StorageException(
          "cannot move the uploaded content into place at "
              + p.storageRoot()
              + "/"
              + key
              + ": "
              + e.getMessage(),
          e);
    }
    Faults.at("after-move");
  }

  void upload(StorageBackend backend, Plan p, String tempKey) {
    try {
      TransferProgress progress =
          inst.transferProgress("uploading " + p.source.getFileName(), p.size);
      if (p.folder) {
        long done = 0;
        for (Path f : LocalFiles.regularFiles(p.source)) {
          String rel = p.source.relativize(f).toString().replace('\\', '/');
          final long base = done;
          backend.upload(f, tempKey + "/" + rel, (x, t) -> progress.update(base + x, p.size));
          done += Files.size(f);
        }
      } else {
        backend.upload(p.source, tempKey, progress);
      }
      long stored = backend.stat(tempKey).map(s -> s.size()).orElse(-1L);
      if (stored != p.size) {
        throw changed(p, p.size + " bytes when hashed, " + stored + " bytes stored");
      }
      String storedHash = storedHash(backend, p, tempKey);
      if (!storedHash.equals(p.hash)) {
        throw changed(p, "hash " + p.hash + " when hashed, " + storedHash + " as stored");
      }
    } catch (IOException e) {
      deleteQuietly(backend, tempKey);
      throw new StorageException(
          "cannot store "
              + p.source
              + " in "
              + backend.root()
              + ": "
              + e.getMessage()
              + "; nothing was saved",
          e);
    } catch (RuntimeException e) {
      deleteQuietly(backend, tempKey);
      throw e;
    }
  }

  private static StorageException changed(Plan p, String what) {
    return new StorageException(
        "the content of "
            + p.source
            + " changed while it was being saved ("
            + what
            + "); nothing was saved: save it again once it is complete");
  }

  /**
   * @return the hash of the bytes stored at {@code tempKey}: hashed from the stored copy on local
   *     storage, taken from the object's metadata (ETag) where it is the same kind of hash, else
   *     the source hashed again (which detects any change since planning)
   */
  private static String storedHash(StorageBackend backend, Plan p, String tempKey)
      throws IOException {
    Optional<Path> local = backend.localPath(tempKey);
    Path from = local.orElse(null);
    if (from == null) {
      var stat = backend.stat(tempKey);
      if (stat.isPresent()
          && stat.get().hash() != null
          && p.hashType.equals(stat.get().hashType())) {
        return stat.get().hash();
      }
      from = p.source;
    }
    return p.folder ? Hashing.hashDir(from).hash() : Hashing.hashFile(from).hash();
  }

  private static void deleteQuietly(StorageBackend backend, String key) {
    if (key == null) {
      return;
    }
    try {
      backend.delete(key);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "could not remove {}/{}: {} (lamin repair removes it)",
          backend.root(),
          key,
          e.getMessage());
    }
  }

  /**
   * Serializes writers of the same key or content (PostgreSQL advisory locks; SQLite writers are
   * serialized).
   */
  private void lock(DSLContext ctx, String... names) {
    if (inst.db().dialect() != Dialect.POSTGRES) {
      return;
    }
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (String n : names) {
      if (n != null) {
        ids.add((long) ("lamindb-artifact:" + n).hashCode());
      }
    }
    java.util.Collections.sort(ids);
    for (long id : ids) {
      ctx.execute("SELECT pg_advisory_xact_lock(?)", id);
    }
  }

  /**
   * Decides the uid: a new version of the family of {@code revises} or of the same key in the same
   * storage, else a new family.
   *
   * @return the current head to demote, or null
   */
  private Artifact assignVersion(
      DSLContext ctx, Artifact a, ArtifactDraft d, Map<String, Object> v, Plan p) {
    RegistryDef r = CoreRegistries.ARTIFACT;
    Artifact previous = null;
    if (d.revises != null) {
      if (!d.revises.isSaved()) {
        throw new InvalidArgumentException("revises must be a saved artifact");
      }
      previous = head(ctx, d.revises.uid().substring(0, 16)).orElse(d.revises);
      if (v.get("key") == null && d.revises.key() != null) {
        v.put("key", d.revises.key());
      }
    } else if (v.get("key") != null) {
      List<Artifact> family =
          load(
              ctx,
              col("key")
                  .eq(v.get("key"))
                  .and(col("storage_id").eq(p.storageId()))
                  .and(col("branch_id").ne(RecordStore.TRASH)));
      if (!family.isEmpty()) {
        previous =
            family.stream()
                .filter(
                    x ->
                        Boolean.TRUE.equals(x.get("is_latest"))
                            && x.get("branch_id").equals(inst.branchId()))
                .reduce((x, y) -> y)
                .or(
                    () ->
                        family.stream()
                            .filter(x -> Boolean.TRUE.equals(x.get("is_latest")))
                            .reduce((x, y) -> y))
                .orElseThrow(
                    () ->
                        new IntegrityException(
                            "Cannot create a new artifact version: matching non-trashed artifacts exist for key '"
                                + v.get("key")
                                + "' but none has is_latest=true; pass revises explicitly"));
      }
    }
    if (previous == null) {
      v.put("uid", Uids.newFamily(r.uidLength()));
      return null;
    }
    String stem = previous.uid().substring(0, 16);
    String max = "0000";
    for (Record row :
        ctx.select(col("uid"))
            .from(RecordStore.table(r))
            .where(col("uid").like(stem + "%"))
            .fetch()) {
      String s = ((String) row.get(0)).substring(16);
      if (Uids.decode(s) > Uids.decode(max)) {
        max = s;
      }
    }
    v.put("uid", stem + Uids.increment(max));
    if (v.get("description") == null && previous.description() != null) {
      v.put("description", previous.description());
    }
    LOG.info(
        "creating new artifact version for key '{}' in storage '{}'",
        v.get("key"),
        p.storageRoot());
    return Boolean.TRUE.equals(previous.get("is_latest")) ? previous : null;
  }

  private Optional<Artifact> head(DSLContext ctx, String stem) {
    List<Artifact> l =
        load(
            ctx,
            col("uid")
                .like(stem + "%")
                .and(col("is_latest").eq(DSL.inline(true)))
                .and(col("branch_id").ne(RecordStore.TRASH)));
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
  }

  private Optional<Artifact> findByHash(DSLContext ctx, String hash) {
    List<Artifact> l = load(ctx, col("hash").eq(hash).and(col("branch_id").ne(RecordStore.TRASH)));
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
  }

  private Optional<Artifact> findSameKeyAndHash(Map<String, Object> v, Plan p) {
    Condition c = col("hash").eq(p.hash).and(col("storage_id").eq(p.storageId()));
    c = v.get("key") == null ? c.and(col("key").isNull()) : c.and(col("key").eq(v.get("key")));
    List<Artifact> l = load(inst.db().dsl(), c);
    if (l.isEmpty()) {
      return Optional.empty();
    }
    Artifact found = l.get(l.size() - 1);
    if (Long.valueOf(RecordStore.TRASH).equals(found.get("branch_id"))) {
      Access.values(found).put("branch_id", RecordStore.MAIN);
      Access.dirty(found).add("branch_id");
      RecordStore.update(inst, inst.db().dsl(), found);
      LOG.info("returning artifact from trash with same hash & key: {}", found.uid());
    }
    return Optional.of(found);
  }

  /**
   * @return artifacts matching {@code where}, oldest first (by created_at, id)
   */
  List<Artifact> load(DSLContext ctx, Condition where) {
    RegistryDef r = CoreRegistries.ARTIFACT;
    List<Artifact> out = new java.util.ArrayList<>();
    for (Record row :
        ctx.select(RecordStore.selectFields(r, r.table()))
            .from(RecordStore.table(r))
            .where(where)
            .orderBy(col("created_at"), col("id"))
            .fetch()) {
      Artifact x = new Artifact(inst.ln());
      RecordStore.fill(x, row);
      out.add(x);
    }
    return out;
  }

  /**
   * Copies the existing row into {@code a}, applying LaminDB's updates (description, missing key).
   */
  void adoptExisting(Artifact a, Map<String, Object> v, Artifact existing) {
    String newKey = (String) v.get("key");
    Object newDescription = v.get("description");
    Map<String, Object> ev = Access.values(existing);
    v.clear();
    v.putAll(ev);
    Access.dirty(a).clear();
    if (newDescription != null && !newDescription.equals(ev.get("description"))) {
      v.put("description", newDescription);
      Access.dirty(a).add("description");
    }
    if (newKey != null && ev.get("key") == null) {
      v.put("key", newKey);
      Access.dirty(a).add("key");
    } else if (newKey != null && !newKey.equals(ev.get("key"))) {
      LOG.warn(
          "key '{}' of the existing artifact with the same content is kept (you passed '{}'); to store a"
              + " duplicate, skip the hash lookup",
          ev.get("key"),
          newKey);
    }
    Long run = inst.currentRunId();
    if (run != null && ev.get("run_id") == null) {
      v.put("run_id", run);
      Access.dirty(a).add("run_id");
    } else if (run != null && !run.equals(ev.get("run_id"))) {
      inst.db()
          .dsl()
          .insertInto(DSL.table(DSL.name("lamindb_artifact_recreating_runs")))
          .set(col("artifact_id"), existing.id())
          .set(col("run_id"), run)
          .onConflictDoNothing()
          .execute();
    }
    RecordStore.update(inst, inst.db().dsl(), a);
    LOG.info(
        "returning artifact with same hash: {}; to track this artifact as an input, use:"
            + " ln.artifacts().get(\"{}\")",
        a.uid(),
        a.uid());
  }

  /**
   * Updates a saved artifact's metadata; key changes are validated and only allowed for virtual
   * keys.
   */
  private void updateSaved(Artifact a, Map<String, Object> v) {
    if (Access.dirty(a).contains("key")) {
      Object key = v.get("key");
      if (key == null) {
        throw new InvalidArgumentException("an artifact's key cannot be set back to null");
      }
      Keys.validateKey((String) key);
      if (!Boolean.TRUE.equals(v.get("_key_is_virtual"))) {
        throw new InvalidArgumentException(
            "cannot change the key of artifact "
                + a.uid()
                + ": its key is its real path in storage");
      }
    }
    RecordStore.update(inst, inst.db().dsl(), a);
  }

  /**
   * @return all versions of {@code a}'s family (any branch but trash), oldest first
   */
  public List<Artifact> versions(SQLRecord<?> a) {
    return load(
        inst.db().dsl(),
        col("uid")
            .like(a.uid().substring(0, 16) + "%")
            .and(col("branch_id").ne(RecordStore.TRASH)));
  }

  /** Raises a clear error if {@code e} is not ours; used by callers wrapping I/O. */
  static LaminException wrap(String what, Exception e) {
    return e instanceof LaminException le
        ? le
        : new StorageException(what + ": " + e.getMessage(), e);
  }
}
