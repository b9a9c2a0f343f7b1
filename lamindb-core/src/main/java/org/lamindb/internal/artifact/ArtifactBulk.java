package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.model.Artifact;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;
import org.lamindb.storage.StorageBackend;

/**
 * Saves many new artifacts at once (LaminDB's {@code ln.save(list)}): hashes in parallel, looks
 * duplicates and version families up in a few queries, uploads each file to its final name (an
 * atomic write, so a crash leaves at most orphan files), and inserts all rows in one transaction
 * with multi-row INSERTs. Artifacts whose key already has versions fall back to one-by-one saving,
 * which handles versioning.
 */
public final class ArtifactBulk {
  private static final int CHUNK = 500;
  private final Instance inst;
  private final ArtifactStore store;

  /**
   * @param inst the instance
   */
  public ArtifactBulk(Instance inst) {
    this.inst = inst;
    this.store = ArtifactStore.of(inst);
  }

  /**
   * Saves all unsaved artifacts of {@code artifacts} (each with a file set); returns them, saved.
   */
  public List<Artifact> saveAll(List<Artifact> artifacts, Map<Artifact, ArtifactDraft> drafts) {
    List<Artifact> todo = new ArrayList<>();
    for (Artifact a : artifacts) {
      if (!a.isSaved()) {
        todo.add(a);
      }
    }
    Map<Artifact, ArtifactPlanner.Plan> plans = new LinkedHashMap<>();
    todo.parallelStream()
        .map(a -> Map.entry(a, store.plan(a, drafts.get(a), Access.values(a))))
        .toList()
        .forEach(e -> plans.put(e.getKey(), e.getValue()));

    Map<String, Artifact> existingByHash =
        existing("hash", plans.values().stream().map(p -> p.hash).toList());
    Set<Object> existingKeys =
        new HashSet<>(
            existing(
                    "key",
                    todo.stream()
                        .map(a -> (String) Access.values(a).get("key"))
                        .filter(k -> k != null)
                        .toList())
                .keySet());

    List<Artifact> fallback = new ArrayList<>();
    Map<String, Artifact> firstOfHash = new HashMap<>();
    Set<String> batchKeys = new HashSet<>();
    List<Artifact> fresh = new ArrayList<>();
    Map<Artifact, Artifact> sameAs = new LinkedHashMap<>();
    for (Map.Entry<Artifact, ArtifactPlanner.Plan> e : plans.entrySet()) {
      Artifact a = e.getKey();
      ArtifactPlanner.Plan p = e.getValue();
      Map<String, Object> v = Access.values(a);
      String key = (String) v.get("key");
      if (!p.skipHashLookup && existingByHash.containsKey(p.hash)) {
        store.adoptExisting(a, v, existingByHash.get(p.hash));
        continue;
      }
      if (!p.skipHashLookup && firstOfHash.containsKey(p.hash)) {
        sameAs.put(a, firstOfHash.get(p.hash));
        continue;
      }
      if (drafts.get(a).revises != null
          || (key != null && (existingKeys.contains(key) || !batchKeys.add(key)))) {
        fallback.add(a);
        continue;
      }
      firstOfHash.put(p.hash, a);
      fresh.add(a);
    }
    insertFresh(fresh, plans, drafts);
    for (Map.Entry<Artifact, Artifact> e : sameAs.entrySet()) {
      store.adoptExisting(e.getKey(), Access.values(e.getKey()), e.getValue());
    }
    for (Artifact a : fallback) {
      store.save(a, drafts.get(a));
    }
    return artifacts;
  }

  private void insertFresh(
      List<Artifact> fresh,
      Map<Artifact, ArtifactPlanner.Plan> plans,
      Map<Artifact, ArtifactDraft> drafts) {
    if (fresh.isEmpty()) {
      return;
    }
    RegistryDef r = CoreRegistries.ARTIFACT;
    ArtifactFiles files = ArtifactFiles.of(inst);
    List<String> uploaded = new ArrayList<>();
    List<SaveIntents.Intent> intents = new ArrayList<>();
    boolean withIntents = inst.schemaVersions().getOrDefault("lamindb", 0) >= 3;
    StorageBackend backend = null;
    try {
      for (Artifact a : fresh) {
        ArtifactPlanner.Plan p = plans.get(a);
        Map<String, Object> v = Access.values(a);
        ArtifactPlanner.fillColumns(drafts.get(a), v, p);
        v.put("uid", Uids.newFamily(r.uidLength()));
        RecordStore.applyDefaults(inst, r, v);
        if (!p.inPlace()) {
          backend = files.backend(p.storageId(), p.storageRoot());
          String key = p.placement.storageKey((String) v.get("uid"), p.suffix);
          if (withIntents) {
            intents.add(SaveIntents.of(inst).begin(p.storageId(), key));
          }
          store.upload(backend, p, key);
          uploaded.add(key);
        }
      }
      List<FieldDef> cols =
          r.fields().values().stream().filter(f -> !f.name().equals("id")).toList();
      inst.db()
          .transaction(
              ctx -> {
                if (inst.db().dialect() == Dialect.POSTGRES) {
                  ctx.execute("LOCK TABLE lamindb_artifact IN SHARE ROW EXCLUSIVE MODE");
                }
                for (int i = 0; i < fresh.size(); i += CHUNK) {
                  List<Artifact> chunk = fresh.subList(i, Math.min(fresh.size(), i + CHUNK));
                  InsertValuesStepN<Record> insert =
                      ctx.insertInto(
                          RecordStore.table(r),
                          cols.stream().map(f -> RecordStore.col(f.name())).toList());
                  for (Artifact a : chunk) {
                    Map<String, Object> v = Access.values(a);
                    insert =
                        insert.values(
                            cols.stream()
                                .map(f -> inst.db().toSql(f.type(), v.get(f.name())))
                                .toList());
                  }
                  insert.execute();
                }
                return null;
              });
    } catch (RuntimeException e) {
      for (String key : uploaded) {
        try {
          backend.delete(key);
        } catch (Exception ignored) {
          // lamin repair removes what is left
        }
      }
      for (Artifact a : fresh) {
        Access.values(a).remove("uid");
      }
      throw e;
    } finally {
      intents.forEach(SaveIntents.Intent::close);
    }
    for (Artifact a : fresh) {
      drafts.get(a).insertedRow = true;
    }
    Map<String, Artifact> byUid = new HashMap<>();
    for (Artifact a : fresh) {
      byUid.put(a.uid(), a);
    }
    List<String> uids = new ArrayList<>(byUid.keySet());
    for (int i = 0; i < uids.size(); i += CHUNK) {
      List<String> chunk = uids.subList(i, Math.min(uids.size(), i + CHUNK));
      for (Record row :
          inst.db()
              .dsl()
              .select(RecordStore.selectFields(r, r.table()))
              .from(RecordStore.table(r))
              .where(col("uid").in(chunk))
              .fetch()) {
        Artifact a = byUid.get((String) row.get(1));
        RecordStore.fill(a, row);
      }
    }
  }

  /**
   * @return existing non-trashed artifacts whose {@code column} is in {@code values}, by that value
   */
  private Map<String, Artifact> existing(String column, List<String> values) {
    Map<String, Artifact> out = new HashMap<>();
    List<String> distinct = values.stream().distinct().toList();
    for (int i = 0; i < distinct.size(); i += CHUNK) {
      List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + CHUNK));
      for (Artifact a :
          store.load(
              inst.db().dsl(), col(column).in(chunk).and(col("branch_id").ne(RecordStore.TRASH)))) {
        out.put((String) a.get(column), a);
      }
    }
    return out;
  }
}
