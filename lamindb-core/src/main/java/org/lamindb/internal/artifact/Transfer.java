package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;
import static org.lamindb.internal.core.RecordStore.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lamindb.InstanceException;
import org.lamindb.StorageException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;
import org.lamindb.storage.StorageBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers records of another instance in this one with the same uids, as LaminDB's transfer does:
 * an artifact keeps uid, hash, key, suffix and size, its content stays where it is (its storage
 * location is registered here by uid) or is copied into this instance's default storage; its
 * features, labels (ontology terms included) and schemas come along, each record looked up here by
 * uid first, then by name, and created with its source uid when missing. A run of the transform
 * {@code __lamindb_transfer__/<source instance>} is the provenance of everything created.
 * Transferring the same artifact again returns the one registered the first time.
 */
public final class Transfer {
  private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

  /** Columns the target instance fills itself (ids, branch, space, creator, run). */
  private static final Set<String> OWN_COLUMNS =
      Set.of(
          "id", "branch_id", "created_on_id", "space_id", "created_by_id", "run_id", "is_locked");

  /** Artifact relations that are lineage or membership, not annotation: not transferred. */
  private static final Set<String> NOT_ANNOTATIONS =
      Set.of(
          "input_of_runs",
          "recreating_runs",
          "runs",
          "users",
          "artifacts",
          "linked_by_artifacts",
          "collections",
          "json_values",
          "schemas");

  private final Instance src;
  private final Instance dst;
  private final Map<String, Long> copied = new HashMap<>();
  private DSLContext ctx;
  private Long runId;

  private Transfer(Instance src, Instance dst) {
    this.src = src;
    this.dst = dst;
  }

  /**
   * Registers {@code artifact} of {@code src} in {@code dst} (idempotent).
   *
   * @param copy copy the content into {@code dst}'s default storage instead of referencing it
   * @return the artifact in {@code dst}
   */
  public static Artifact artifact(Instance src, Artifact artifact, Instance dst, boolean copy) {
    if (src == dst || !artifact.isSaved()) {
      return artifact;
    }
    dst.checkWritable("transfer artifact " + artifact.uid());
    Transfer t = new Transfer(src, dst);
    Long existing = t.byUid(dst.registry("Artifact"), artifact.uid());
    if (existing != null) {
      LOG.info("→ artifact {} is already in this instance (transferred before)", artifact.uid());
      return t.load(Artifact.class, existing);
    }
    String copiedKey = copy ? t.copyContent(artifact) : null;
    try {
      long id =
          dst.db()
              .transaction(
                  c -> {
                    t.ctx = c;
                    long aid = t.copyArtifactRow(artifact, copiedKey != null);
                    t.copyAnnotations(artifact.id(), aid);
                    return aid;
                  });
      LOG.info(
          "→ transferred artifact {} from {} ({})",
          artifact.uid(),
          src.settings().slug(),
          copiedKey != null ? "content copied" : "content referenced in place");
      return t.load(Artifact.class, id);
    } catch (RuntimeException e) {
      if (copiedKey != null) {
        t.deleteQuietly(copiedKey);
      }
      throw e;
    }
  }

  /**
   * Registers {@code rec} of {@code src} (any registry with uids) in {@code dst}: found by uid or
   * name, else created with the same uid.
   *
   * @return the record in {@code dst}
   */
  @SuppressWarnings("unchecked")
  public static <T extends SQLRecord<?>> T record(Instance src, T rec, Instance dst) {
    if (rec instanceof Artifact a) {
      return (T) artifact(src, a, dst, false);
    }
    if (src == dst || !rec.isSaved()) {
      return rec;
    }
    dst.checkWritable("transfer " + rec.registry().name() + " " + rec.uid());
    Transfer t = new Transfer(src, dst);
    RegistryDef r = src.canonical(rec.registry());
    long id =
        dst.db()
            .transaction(
                c -> {
                  t.ctx = c;
                  return t.copy(r, rec.id());
                });
    return (T) t.load((Class<T>) rec.getClass(), id, r.name());
  }

  private <T> T load(Class<T> type, long id) {
    return load(type, id, "Artifact");
  }

  private <T> T load(Class<T> type, long id, String registry) {
    return type.cast(
        RecordStore.byId(dst, dst.registry(registry), id)
            .orElseThrow(() -> new IllegalStateException(registry + " " + id + " vanished")));
  }

  private long copyArtifactRow(Artifact a, boolean contentCopied) {
    Map<String, Object> over = new LinkedHashMap<>();
    if (contentCopied) {
      over.put("storage_id", dst.storageId());
      over.put("_real_key", null);
      over.put("_overwrite_versions", false);
      over.put("_key_is_virtual", true);
    }
    return insertCopy(src.canonical(a.registry()), Access.values(a), over);
  }

  /**
   * @return the id in {@code dst} of the record {@code id} of {@code r} in {@code src}
   */
  private long copy(RegistryDef r, long id) {
    String memo = r.name() + ":" + id;
    Long done = copied.get(memo);
    if (done != null) {
      return done;
    }
    SQLRecord<?> s =
        RecordStore.byId(src, r, id)
            .orElseThrow(() -> new IllegalStateException(r.name() + " " + id + " not found"));
    RegistryDef dr = targetRegistry(r);
    Long found = s.uid() == null ? null : byUid(dr, s.uid());
    long out = found != null ? found : insertCopy(r, Access.values(s), Map.of());
    copied.put(memo, out);
    return out;
  }

  private long insertCopy(RegistryDef r, Map<String, Object> sv, Map<String, Object> over) {
    RegistryDef dr = targetRegistry(r);
    SQLRecord<?> n = dr.newEntity(dst.ln());
    Map<String, Object> v = Access.values(n);
    for (FieldDef f : dr.fields().values()) {
      String c = f.name();
      if (OWN_COLUMNS.contains(c) || over.containsKey(c) || sv.get(c) == null) {
        continue;
      }
      RelationDef fk = forward(r, c);
      if (fk == null) {
        v.put(c, sv.get(c));
      } else {
        RegistryDef target = src.registry(fk.target());
        if (target.uidLength() > 0) {
          v.put(c, copy(target, ((Number) sv.get(c)).longValue()));
        }
      }
    }
    for (Map.Entry<String, Object> e : over.entrySet()) {
      if (e.getValue() != null) {
        v.put(e.getKey(), e.getValue());
      }
    }
    Long byName = byName(dr, v);
    if (byName != null) {
      return byName;
    }
    if (dr.relation("run").isPresent() && !dr.name().equals("Storage")) {
      v.put("run_id", transferRun());
    }
    if (dr.isVersioned() && Boolean.TRUE.equals(v.get("is_latest"))) {
      ctx.update(table(dr))
          .set(col("is_latest"), dst.db().toSql(dr.fields().get("is_latest").type(), false))
          .where(col("uid").startsWith(((String) v.get("uid")).substring(0, dr.stemLength())))
          .execute();
    }
    RecordStore.insert(dst, ctx, n);
    if (dr.name().equals("Schema")) {
      copySchemaLinks(((Number) sv.get("id")).longValue(), n.id());
    }
    return n.id();
  }

  /** Named, unversioned registries map a record to one of the same name (and type) here. */
  private Long byName(RegistryDef dr, Map<String, Object> v) {
    String nf = dr.nameField();
    if (nf == null
        || dr.isVersioned()
        || v.get(nf) == null
        || Set.of("Run", "Record").contains(dr.name())) {
      return null;
    }
    var q = ctx.select(col("id")).from(table(dr)).where(col(nf).eq(v.get(nf)));
    if (dr.fields().containsKey("type_id")) {
      q =
          q.and(
              v.get("type_id") == null
                  ? col("type_id").isNull()
                  : col("type_id").eq(v.get("type_id")));
    }
    if (dr.fields().containsKey("branch_id")) {
      q = q.and(col("branch_id").ne(RecordStore.TRASH));
    }
    Record r = q.limit(1).fetchOne();
    return r == null ? null : ((Number) r.get(0)).longValue();
  }

  private Long byUid(RegistryDef dr, String uid) {
    DSLContext c = ctx != null ? ctx : dst.db().dsl();
    Record r = c.select(col("id")).from(table(dr)).where(col("uid").eq(uid)).fetchOne();
    return r == null ? null : ((Number) r.get(0)).longValue();
  }

  private RegistryDef targetRegistry(RegistryDef r) {
    RegistryDef dr = dst.registries().get(r.name());
    if (dr == null) {
      throw new InstanceException(
          "cannot transfer "
              + r.name()
              + " records: this instance was created without the module '"
              + r.module()
              + "'; transfer into an instance initialised with --modules "
              + r.module()
              + "; nothing was registered");
    }
    return dr;
  }

  private static RelationDef forward(RegistryDef r, String column) {
    for (RelationDef rel : r.relations().values()) {
      if (rel.kind() == RelationDef.Kind.FORWARD && column.equals(rel.column())) {
        return rel;
      }
    }
    return null;
  }

  private void copyAnnotations(long srcArtifact, long dstArtifact) {
    RegistryDef ar = src.registry("Artifact");
    for (RelationDef rel : ar.relations().values()) {
      if (rel.kind() != RelationDef.Kind.MANY
          || !"artifact_id".equals(rel.linkSource())
          || NOT_ANNOTATIONS.contains(rel.name())) {
        continue;
      }
      List<Record> rows = linkRows(rel.linkTable(), srcArtifact);
      if (rows.isEmpty()) {
        continue;
      }
      if (dst.registry("Artifact").relation(rel.name()).isEmpty()) {
        throw new InstanceException(
            "cannot transfer the "
                + rel.name()
                + " of this artifact: this instance was created without the module '"
                + src.registry(rel.target()).module()
                + "'; transfer into an instance initialised with --modules "
                + src.registry(rel.target()).module()
                + "; nothing was registered");
      }
      RegistryDef target = src.registry(rel.target());
      for (Record row : rows) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("artifact_id", dstArtifact);
        link.put(rel.linkTarget(), copy(target, num(row.get(rel.linkTarget()))));
        Object feature = value(row, "feature_id");
        if (feature != null) {
          link.put("feature_id", copy(src.registry("Feature"), num(feature)));
        }
        for (String b : List.of("label_ref_is_name", "feature_ref_is_name")) {
          if (row.field(b) != null && row.get(b) != null) {
            link.put(b, bool(row.get(b)));
          }
        }
        insertLink(rel.linkTable(), row, link);
      }
    }
    copyFeatureValues(srcArtifact, dstArtifact);
    for (Record row : linkRows("lamindb_artifactschema", srcArtifact)) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("artifact_id", dstArtifact);
      link.put("schema_id", copy(src.registry("Schema"), num(row.get("schema_id"))));
      link.put("slot", row.get("slot"));
      if (value(row, "feature_ref_is_semantic") != null) {
        link.put("feature_ref_is_semantic", bool(row.get("feature_ref_is_semantic")));
      }
      insertLink("lamindb_artifactschema", row, link);
    }
  }

  private void copyFeatureValues(long srcArtifact, long dstArtifact) {
    RegistryDef jv = src.registry("JsonValue");
    for (Record row : linkRows("lamindb_artifactjsonvalue", srcArtifact)) {
      SQLRecord<?> s = RecordStore.byId(src, jv, num(row.get("jsonvalue_id"))).orElseThrow();
      Map<String, Object> sv = Access.values(s);
      long feature = copy(src.registry("Feature"), num(sv.get("feature_id")));
      Long existing = existingJsonValue(feature, sv);
      long value;
      if (existing != null) {
        value = existing;
      } else {
        SQLRecord<?> n = dst.registry("JsonValue").newEntity(dst.ln());
        Map<String, Object> v = Access.values(n);
        v.put("feature_id", feature);
        v.put("value", sv.get("value"));
        v.put("hash", sv.get("hash"));
        v.put("run_id", transferRun());
        RecordStore.insert(dst, ctx, n);
        value = n.id();
      }
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("artifact_id", dstArtifact);
      link.put("jsonvalue_id", value);
      ctx.insertInto(named("lamindb_artifactjsonvalue")).set(fields(link)).execute();
    }
  }

  private Long existingJsonValue(long feature, Map<String, Object> sv) {
    if (sv.get("hash") == null) {
      return null;
    }
    Record r =
        ctx.select(col("id"))
            .from(named("lamindb_jsonvalue"))
            .where(col("feature_id").eq(feature))
            .and(col("hash").eq(sv.get("hash")))
            .limit(1)
            .fetchOne();
    return r == null ? null : num(r.get(0));
  }

  private void copySchemaLinks(long srcSchema, long dstSchema) {
    for (Record row :
        src.db()
            .dsl()
            .select()
            .from(named("lamindb_schemafeature"))
            .where(col("schema_id").eq(srcSchema))
            .fetch()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("schema_id", dstSchema);
      link.put("feature_id", copy(src.registry("Feature"), num(row.get("feature_id"))));
      ctx.insertInto(named("lamindb_schemafeature")).set(fields(link)).execute();
    }
    for (Record row :
        src.db()
            .dsl()
            .select()
            .from(named("lamindb_schemacomponent"))
            .where(col("composite_id").eq(srcSchema))
            .fetch()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("composite_id", dstSchema);
      link.put("component_id", copy(src.registry("Schema"), num(row.get("component_id"))));
      link.put("slot", row.get("slot"));
      insertLink("lamindb_schemacomponent", row, link);
    }
  }

  private List<Record> linkRows(String linkTable, long artifactId) {
    return new ArrayList<>(
        src.db()
            .dsl()
            .select()
            .from(named(linkTable))
            .where(col("artifact_id").eq(artifactId))
            .orderBy(col("id"))
            .fetch());
  }

  /** Inserts a link row, adding creator and run where the source table tracks them. */
  private void insertLink(String linkTable, Record srcRow, Map<String, Object> link) {
    if (srcRow.field("created_by_id") != null) {
      link.put("created_by_id", dst.userId());
    }
    if (srcRow.field("run_id") != null) {
      link.put("run_id", transferRun());
    }
    ctx.insertInto(named(linkTable)).set(fields(link)).execute();
  }

  private static Map<org.jooq.Field<?>, Object> fields(Map<String, Object> m) {
    Map<org.jooq.Field<?>, Object> f = new LinkedHashMap<>();
    m.forEach((k, v) -> f.put(col(k), v));
    return f;
  }

  private static org.jooq.Table<Record> named(String name) {
    return org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(name));
  }

  private static Object value(Record row, String column) {
    return row.field(column) == null ? null : row.get(column);
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }

  private static boolean bool(Object o) {
    return o instanceof Boolean b
        ? b
        : o instanceof Number n ? n.intValue() != 0 : "true".equals(o);
  }

  /** The run (in {@code dst}) of the transform {@code __lamindb_transfer__/<source>}. */
  private long transferRun() {
    if (runId != null) {
      return runId;
    }
    String slug = src.settings().slug();
    String key = "__lamindb_transfer__/" + slug;
    RegistryDef tr = dst.registry("Transform");
    Record t =
        ctx.select(col("id"))
            .from(table(tr))
            .where(col("key").eq(key))
            .orderBy(col("id").desc())
            .limit(1)
            .fetchOne();
    long transform;
    if (t != null) {
      transform = num(t.get(0));
    } else {
      SQLRecord<?> n = tr.newEntity(dst.ln());
      Map<String, Object> v = Access.values(n);
      v.put("key", key);
      v.put("kind", "function");
      v.put("description", "Transfer from " + slug);
      RecordStore.insert(dst, ctx, n);
      transform = n.id();
    }
    SQLRecord<?> run = dst.registry("Run").newEntity(dst.ln());
    Map<String, Object> v = Access.values(run);
    v.put("transform_id", transform);
    v.put("started_at", RecordStore.now());
    v.put("finished_at", RecordStore.now());
    v.put("_status_code", (long) Run.Status.COMPLETED.code());
    v.put("reference", slug);
    v.put("reference_type", "instance");
    if (dst.currentRunId() != null) {
      v.put("initiated_by_run_id", dst.currentRunId());
    }
    RecordStore.insert(dst, ctx, run);
    runId = run.id();
    return runId;
  }

  /** Copies the content of {@code a} into the default storage of {@code dst}; returns its key. */
  private String copyContent(Artifact a) {
    ArtifactFiles from = ArtifactFiles.of(src);
    Path local = from.cache(a);
    String key = ".lamindb/" + a.uid() + (a.suffix() == null ? "" : a.suffix());
    StorageBackend to = ArtifactFiles.of(dst).backend(dst.storageId(), dst.storageRoot());
    try {
      if (Files.isDirectory(local)) {
        try (Stream<Path> files = Files.walk(local)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String rel = local.relativize(f).toString().replace('\\', '/');
            to.upload(f, key + "/" + rel, org.lamindb.storage.TransferProgress.NONE);
          }
        }
      } else {
        to.upload(local, key, org.lamindb.storage.TransferProgress.NONE);
      }
    } catch (IOException e) {
      deleteQuietly(key);
      throw new StorageException(
          "could not copy the content of artifact "
              + a.uid()
              + " into "
              + to.root()
              + ": "
              + e.getMessage()
              + "; nothing was registered, check the storage and transfer again",
          e);
    }
    return key;
  }

  private void deleteQuietly(String key) {
    StorageBackend to = ArtifactFiles.of(dst).backend(dst.storageId(), dst.storageRoot());
    try {
      for (var st : to.list(key)) {
        to.delete(st.key());
      }
      to.delete(key);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove the partial copy {} in {}: {}", key, to.root(), e.getMessage());
    }
  }
}
