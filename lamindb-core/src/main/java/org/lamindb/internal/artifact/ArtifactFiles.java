package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.storage.Cache;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.model.Artifact;
import org.lamindb.storage.StorageBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an artifact's content lives and how to reach it: storage keys (spec §4.2), backends per
 * storage location, cache, load, open, and deletion of owned files.
 */
public final class ArtifactFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactFiles.class);
  private final Instance inst;
  private final Map<Long, StorageBackend> backends = new ConcurrentHashMap<>();

  ArtifactFiles(Instance inst) {
    this.inst = inst;
  }

  /**
   * @return the file service of {@code inst}
   */
  public static ArtifactFiles of(Instance inst) {
    return inst.service(ArtifactFiles.class, ArtifactFiles::new);
  }

  /**
   * @return the backend serving storage row {@code id}
   */
  public StorageBackend backend(long id, String root) {
    return backends.computeIfAbsent(id, k -> StorageBackends.forRoot(root, Map.of()));
  }

  /**
   * Replaces the backend of storage row {@code id} by {@code decorate} applied to it (fault
   * injection in tests: full disks, read-only storage); {@code UnaryOperator.identity()} after a
   * decorated one restores nothing, pass the original back instead.
   *
   * @return the backend that was in use
   */
  public StorageBackend decorate(
      long id, String root, java.util.function.UnaryOperator<StorageBackend> decorate) {
    StorageBackend before = backend(id, root);
    backends.put(id, decorate.apply(before));
    return before;
  }

  /** Puts {@code backend} back as the backend of storage row {@code id}. */
  public void restore(long id, StorageBackend backend) {
    backends.put(id, backend);
  }

  /**
   * @return the backend of the storage of {@code a}
   */
  public StorageBackend backend(Artifact a) {
    long sid = (Long) a.get("storage_id");
    if (sid == inst.storageId()) {
      return backend(sid, inst.storageRoot());
    }
    String root =
        (String)
            inst.db()
                .dsl()
                .select(col("root"))
                .from(RecordStore.table(CoreRegistries.STORAGE))
                .where(col("id").eq(sid))
                .fetchOne()
                .get(0);
    return backend(sid, root);
  }

  /**
   * @return {id, root} of the registered local storage managed by this instance that contains
   *     {@code path} (longest root wins), if any
   */
  public Optional<String[]> registeredStorage(Path path) {
    String p = path.toString().replace('\\', '/');
    String[] best = null;
    for (String[] st : localStorages()) {
      String root = st[1];
      if (p.startsWith(root + "/") && (best == null || root.length() > best[1].length())) {
        best = st;
      }
    }
    return Optional.ofNullable(best);
  }

  private volatile List<String[]> localStorages;

  /**
   * @return {id, root} of the local storage locations this instance manages (read once per handle)
   */
  private List<String[]> localStorages() {
    if (localStorages == null) {
      String uid = instanceUid();
      List<String[]> l = new ArrayList<>();
      for (Record r :
          inst.db()
              .dsl()
              .select(col("id"), col("root"), col("instance_uid"))
              .from(RecordStore.table(CoreRegistries.STORAGE))
              .where(col("type").eq("local"))
              .fetch()) {
        if (uid != null && r.get(2) != null && !uid.equals(r.get(2))) {
          continue;
        }
        l.add(new String[] {String.valueOf(r.get(0)), (String) r.get(1)});
      }
      localStorages = List.copyOf(l);
    }
    return localStorages;
  }

  private String instanceUid() {
    Record r =
        inst.db()
            .dsl()
            .select(col("instance_uid"))
            .from(RecordStore.table(CoreRegistries.STORAGE))
            .where(col("id").eq(inst.storageId()))
            .fetchOne();
    return r == null ? null : (String) r.get(0);
  }

  /**
   * @return the key of the artifact's content in its storage (spec §4.2)
   */
  public String storageKey(Map<String, Object> v) {
    if (v.get("_real_key") != null) {
      return (String) v.get("_real_key");
    }
    if (v.get("key") == null || Boolean.TRUE.equals(v.get("_key_is_virtual"))) {
      String uid = (String) v.get("uid");
      String id = Boolean.TRUE.equals(v.get("_overwrite_versions")) ? uid.substring(0, 16) : uid;
      return ".lamindb/" + id + v.get("suffix");
    }
    return (String) v.get("key");
  }

  /**
   * @return {@code <storage root>/<storage key>}
   */
  public String path(Artifact a) {
    return backend(a).root() + "/" + storageKey(Access.values(a));
  }

  /**
   * @return a local path holding the artifact's content (the file itself on local storage)
   */
  public Path cache(Artifact a) {
    requireReadable(a);
    StorageBackend b = backend(a);
    String key = storageKey(Access.values(a));
    Optional<Path> local = b.localPath(key);
    if (local.isPresent()) {
      if (!Files.exists(local.get())) {
        throw new StorageException(
            "the file of artifact "
                + a.uid()
                + " is missing at "
                + local.get()
                + "; it was moved or deleted outside LaminDB (`lamin repair --dry-run` lists such artifacts)");
      }
      return local.get();
    }
    try {
      Cache cache = new Cache(inst.cacheDir());
      Path target = cache.pathFor(b.root(), key);
      cache.sync(
          b,
          key,
          target,
          inst.transferProgress("downloading " + key, a.size() == null ? -1 : a.size()));
      return target;
    } catch (NoSuchFileException e) {
      throw new StorageException(
          "the content of artifact " + a.uid() + " is missing at " + b.root() + "/" + key, e);
    } catch (IOException e) {
      throw new StorageException("cannot cache artifact " + a.uid() + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return a stream over the artifact's bytes, read lazily from storage
   */
  public InputStream open(Artifact a) {
    requireReadable(a);
    if (a.nFiles() != null) {
      throw new InvalidArgumentException(
          "artifact " + a.uid() + " is a folder; use cache() and open the files inside it");
    }
    StorageBackend b = backend(a);
    String key = storageKey(Access.values(a));
    try {
      return b.open(key);
    } catch (NoSuchFileException e) {
      throw new StorageException(
          "the content of artifact " + a.uid() + " is missing at " + b.root() + "/" + key, e);
    } catch (IOException e) {
      throw new StorageException("cannot open artifact " + a.uid() + ": " + e.getMessage(), e);
    }
  }

  private void requireReadable(Artifact a) {
    if (!a.isSaved()) {
      throw new InvalidArgumentException("the artifact is not saved yet; save() it first");
    }
    if (Boolean.TRUE.equals(a.get("_overwrite_versions")) && !a.isLatest()) {
      throw new InvalidArgumentException(
          "artifact "
              + a.uid()
              + " is an older version of a folder artifact whose content was overwritten by"
              + " a newer version; load the latest version instead");
    }
  }

  /**
   * Deletes an artifact permanently: its row (all versions for folder artifacts, whose versions
   * share content), then its content if the artifact owns it (content under {@code .lamindb/}) or
   * {@code deleteUnowned}.
   */
  public void deletePermanently(Artifact a, boolean deleteUnowned) {
    Map<String, Object> v = Access.values(a);
    if (!a.isSaved()) {
      return;
    }
    StorageBackend b = backend(a);
    String key = storageKey(v);
    boolean owned = key.startsWith(".lamindb/");
    boolean overwrite = Boolean.TRUE.equals(v.get("_overwrite_versions"));
    boolean latest = a.isLatest();
    inst.db()
        .transaction(
            ctx -> {
              try {
                if (overwrite && latest) {
                  ctx.deleteFrom(RecordStore.table(CoreRegistries.ARTIFACT))
                      .where(col("uid").like(a.uid().substring(0, 16) + "%"))
                      .execute();
                } else {
                  if (latest) {
                    promote(ctx, a);
                  }
                  ctx.deleteFrom(RecordStore.table(CoreRegistries.ARTIFACT))
                      .where(col("id").eq(a.id()))
                      .execute();
                }
              } catch (org.jooq.exception.DataAccessException e) {
                throw new IntegrityException(
                    "cannot delete artifact "
                        + a.uid()
                        + " permanently: other records reference it (e.g. as a run's report"
                        + " or a collection member): "
                        + e.getMessage(),
                    e);
              }
              return null;
            });
    v.put("id", null);
    if (overwrite && !latest) {
      return;
    }
    if (owned || deleteUnowned) {
      try {
        b.delete(key);
      } catch (IOException e) {
        LOG.warn(
            "artifact row deleted but its content at {}/{} could not be removed: {} (`lamin repair` removes it)",
            b.root(),
            key,
            e.getMessage());
      }
    } else {
      LOG.info("a file remains here: {}/{}", b.root(), key);
    }
  }

  private void promote(org.jooq.DSLContext ctx, Artifact a) {
    Record next =
        ctx.select(col("id"))
            .from(RecordStore.table(CoreRegistries.ARTIFACT))
            .where(col("uid").like(a.uid().substring(0, 16) + "%"))
            .and(col("id").ne(a.id()))
            .and(col("branch_id").eq(a.get("branch_id")))
            .orderBy(col("created_at").desc(), col("id").desc())
            .limit(1)
            .fetchOne();
    if (next != null) {
      ctx.update(RecordStore.table(CoreRegistries.ARTIFACT))
          .set(col("is_latest"), DSL.inline(true))
          .where(col("id").eq(next.get(0)))
          .execute();
    }
  }

  /** What {@link #repair} found. */
  public record RepairReport(List<String> orphans, List<String> missing, boolean removed) {}

  /**
   * Repair with no grace period (see {@link Repair}): leftovers of interrupted saves whose intent
   * is not live are removed unless {@code dryRun}; artifacts whose content is missing are reported.
   */
  public RepairReport repair(boolean dryRun) {
    Repair.Report r = Repair.run(inst, dryRun, java.time.Duration.ZERO);
    List<String> orphans = new ArrayList<>();
    r.with(dryRun ? "remove" : "removed").forEach(f -> orphans.add(f.key()));
    List<String> missing = new ArrayList<>();
    r.with("missing").forEach(f -> missing.add(f.key()));
    return new RepairReport(orphans, missing, !dryRun);
  }

  @Override
  public void close() {
    for (StorageBackend b : backends.values()) {
      b.close();
    }
  }
}
