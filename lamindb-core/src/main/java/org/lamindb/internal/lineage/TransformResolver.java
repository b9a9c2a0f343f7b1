package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.TrackingException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Transform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or reuses the transform of a program as LaminDB's {@code _create_or_load_from_source}
 * (spec §5.1.4, §2.3): same source → same transform; changed source under the same key → next
 * version of the family (same 12-char stem, previous one no longer latest); an explicit uid pins
 * the family or the exact version.
 */
final class TransformResolver {
  private static final Logger LOG = LoggerFactory.getLogger(TransformResolver.class);

  private final Instance inst;

  TransformResolver(Instance inst) {
    this.inst = inst;
  }

  /** A resolved transform and whether it was created just now. */
  record Resolved(Transform transform, boolean created) {}

  /**
   * @return the saved transform for {@code p}
   */
  Resolved resolve(Program p, String uid, String versionTag) {
    return inst.db()
        .transaction(
            ctx -> {
              lock(ctx, p.key());
              Transform t = uid != null ? byUid(p, uid) : byKeyAndHash(p);
              applyVersionTag(t, versionTag);
              if (!t.isSaved()) {
                demoteAndInsert(ctx, t);
                return new Resolved(t, true);
              }
              RecordStore.update(inst, ctx, t);
              return new Resolved(t, false);
            });
  }

  private void lock(org.jooq.DSLContext ctx, String key) {
    if (inst.db().dialect() == org.lamindb.spi.Dialect.POSTGRES) {
      ctx.execute(
          "SELECT pg_advisory_xact_lock(?)", (long) ("lamindb-transform:" + key).hashCode());
    }
  }

  private Transform byKeyAndHash(Program p) {
    if (p.hash() != null) {
      Optional<Transform> same = first(col("hash").eq(p.hash()).and(col("key").eq(p.key())));
      if (same.isPresent()) {
        return reuse(same.get(), p);
      }
    }
    List<Transform> latest =
        load(col("key").eq(p.key()).and(col("is_latest").eq(DSL.inline(true))));
    if (latest.isEmpty()) {
      return fresh(p, Uids.newFamily(16));
    }
    Transform head =
        latest.stream()
            .filter(t -> inst.branchId() == (Long) t.get("branch_id"))
            .reduce((a, b) -> b)
            .orElse(latest.get(latest.size() - 1));
    if (head.hash() == null) {
      // a draft (key only, no source yet): fill it in
      return reuse(head, p);
    }
    if (p.hash() == null) {
      return reuse(head, p);
    }
    LOG.info("found {} {}, making new version", head.kind(), head.key());
    return fresh(p, nextVersion(head.uid().substring(0, 12)));
  }

  private Transform byUid(Program p, String uid) {
    if (uid.length() == 16 && Uids.isBase62(uid)) {
      Optional<Transform> exact = first(col("uid").eq(uid));
      if (exact.isPresent()) {
        Transform t = exact.get();
        if (t.hash() != null && p.hash() != null && !t.hash().equals(p.hash())) {
          throw new TrackingException(
              "source code changed, please update the uid argument in track() to \""
                  + uid.substring(0, 12)
                  + Uids.increment(maxSuffix(uid.substring(0, 12)))
                  + "\"");
        }
        return reuse(t, p);
      }
      return fresh(p, uid);
    }
    if (uid.length() == 12 && Uids.isBase62(uid)) {
      List<Transform> heads =
          load(col("uid").like(uid + "%").and(col("is_latest").eq(DSL.inline(true))));
      if (heads.isEmpty()) {
        List<Transform> any = load(col("uid").like(uid + "%"));
        return any.isEmpty() ? fresh(p, uid + "0000") : fresh(p, nextVersion(uid));
      }
      Transform head = heads.get(heads.size() - 1);
      if (head.hash() == null || p.hash() == null || head.hash().equals(p.hash())) {
        return reuse(head, p);
      }
      return fresh(p, nextVersion(uid));
    }
    throw new InvalidArgumentException(
        "transform uid '"
            + uid
            + "' must be 12 (family) or 16 (version) base62 characters, e.g. ln.track(TrackOptions.ofUid(\""
            + Uids.random(12)
            + "\"))");
  }

  private Transform reuse(Transform t, Program p) {
    if (!p.key().equals(t.key())) {
      LOG.info("renaming transform {} to {}", t.key(), p.key());
      t.key(p.key());
    }
    if (t.hash() == null && p.hash() != null) {
      set(t, "hash", p.hash());
      set(t, "source_code", SecretRedaction.redactSource(p.sourceCode()));
    }
    if (p.description() != null && t.description() == null) {
      t.description(p.description());
    }
    return t;
  }

  private Transform fresh(Program p, String uid) {
    Transform t = new Transform(inst.ln());
    set(t, "uid", uid);
    t.key(p.key()).kind(p.kind());
    if (p.description() != null) {
      t.description(p.description());
    }
    set(t, "hash", p.hash());
    set(t, "source_code", SecretRedaction.redactSource(p.sourceCode()));
    return t;
  }

  /** Marks the family's current head non-latest and inserts {@code t} as the latest version. */
  private void demoteAndInsert(org.jooq.DSLContext ctx, Transform t) {
    String stem = t.uid().substring(0, 12);
    ctx.update(RecordStore.table(CoreRegistries.TRANSFORM))
        .set(col("is_latest"), DSL.inline(false))
        .where(col("uid").like(stem + "%"))
        .and(col("is_latest").eq(DSL.inline(true)))
        .and(col("branch_id").eq(inst.branchId()))
        .execute();
    RecordStore.insert(inst, ctx, t);
  }

  private void applyVersionTag(Transform t, String tag) {
    if (tag == null) {
      return;
    }
    if (t.versionTag() != null && !t.versionTag().equals(tag)) {
      throw new InvalidArgumentException(
          "Transform is already tagged with version " + t.versionTag() + ", but you passed " + tag);
    }
    String stem = t.uid().substring(0, 12);
    for (Transform other : load(col("uid").like(stem + "%").and(col("version_tag").eq(tag)))) {
      if (!other.uid().equals(t.uid())) {
        throw new InvalidArgumentException(
            "version '"
                + tag
                + "' is already taken by Transform('"
                + other.uid()
                + "'); please set another version");
      }
    }
    t.versionTag(tag);
  }

  private String nextVersion(String stem) {
    return stem + Uids.increment(maxSuffix(stem));
  }

  private String maxSuffix(String stem) {
    String max = "0000";
    for (var row :
        inst.db()
            .dsl()
            .select(col("uid"))
            .from(RecordStore.table(CoreRegistries.TRANSFORM))
            .where(col("uid").like(stem + "%"))
            .fetch()) {
      String s = ((String) row.get(0)).substring(12);
      if (Uids.decode(s) > Uids.decode(max)) {
        max = s;
      }
    }
    return max;
  }

  private Optional<Transform> first(Condition c) {
    List<Transform> l = load(c);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
  }

  /**
   * @return non-trashed transforms matching {@code c}, oldest first
   */
  private List<Transform> load(Condition c) {
    return RecordStore.load(
            inst, CoreRegistries.TRANSFORM, c.and(col("branch_id").ne(RecordStore.TRASH)))
        .stream()
        .map(Transform.class::cast)
        .sorted(Comparator.comparing((Transform t) -> t.createdAt()).thenComparing(SQLRecord::id))
        .toList();
  }

  private static void set(Transform t, String column, Object value) {
    Access.values(t).put(column, value);
    Access.dirty(t).add(column);
  }
}
