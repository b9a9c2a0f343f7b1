package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;

/**
 * Feature schemas for sheets (spec §8.1–8.2): a schema of {@code itype=Feature} with ordered
 * members in {@code lamindb_schemafeature}, hashed as LaminDB does so that equal schemas are found
 * again.
 */
public final class Schemas {
  private Schemas() {}

  /**
   * @param features saved features, in member order
   * @return LaminDB's schema hash of a plain (minimal, unordered, non-maximal) feature schema with
   *     these members
   */
  public static String hash(List<Feature> features) {
    List<String> tokens = new ArrayList<>();
    tokens.add("b=Feature");
    tokens.add("c=True");
    tokens.add("d=False");
    tokens.add("e=False");
    if (!features.isEmpty()) {
      tokens.add("h=" + features.size());
      List<String> uids = new ArrayList<>();
      features.forEach(f -> uids.add(f.uid()));
      uids.sort(null);
      tokens.add("j=" + Hashing.hashString(String.join(":", uids)));
    }
    tokens.sort(null);
    return Hashing.hashString(String.join(":", tokens));
  }

  /**
   * Returns the schema with the same hash, or creates and saves a new one.
   *
   * @param inst the instance
   * @param name the schema name
   * @param features saved features, in member order
   * @return the saved schema
   */
  public static Schema create(Instance inst, String name, List<Feature> features) {
    for (Feature f : features) {
      if (!f.isSaved()) {
        throw new InvalidArgumentException(
            "feature '" + f.name() + "' is not saved; save it before using it in a schema");
      }
    }
    String hash = hash(features);
    List<SQLRecord<?>> same =
        RecordStore.load(
            inst,
            CoreRegistries.SCHEMA,
            col("hash").eq(hash).and(col("branch_id").ne(RecordStore.TRASH)));
    if (!same.isEmpty()) {
      return (Schema) same.get(0);
    }
    Schema s = new Schema(inst.ln()).name(name).itype("Feature");
    var v = org.lamindb.internal.core.Access.values(s);
    var dirty = org.lamindb.internal.core.Access.dirty(s);
    v.put("hash", hash);
    v.put("n_members", (long) features.size());
    v.put("minimal_set", true);
    v.put("ordered_set", false);
    v.put("maximal_set", false);
    v.put("flexible", features.isEmpty());
    dirty.addAll(
        List.of("hash", "n_members", "minimal_set", "ordered_set", "maximal_set", "flexible"));
    inst.db()
        .transaction(
            ctx -> {
              RecordStore.insert(inst, ctx, s);
              for (Feature f : features) {
                ctx.insertInto(DSL.table(DSL.name("lamindb_schemafeature")))
                    .set(col("schema_id"), s.id())
                    .set(col("feature_id"), f.id())
                    .execute();
              }
              return null;
            });
    return s;
  }

  /**
   * @return the member features of a schema in insertion order
   */
  public static List<Feature> members(Instance inst, long schemaId) {
    List<Feature> out = new ArrayList<>();
    var rows =
        inst.db()
            .dsl()
            .select(col("feature_id"))
            .from(DSL.table(DSL.name("lamindb_schemafeature")))
            .where(col("schema_id").eq(schemaId))
            .orderBy(col("id"))
            .fetch();
    for (var r : rows) {
      out.add(
          (Feature)
              RecordStore.byId(inst, CoreRegistries.FEATURE, ((Number) r.get(0)).longValue())
                  .orElseThrow());
    }
    return out;
  }
}
