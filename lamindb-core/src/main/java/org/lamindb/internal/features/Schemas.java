package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** Name of the built-in flexible feature schema (spec §8.3). */
  public static final String VALID_FEATURES = "valid_features";

  /**
   * LaminDB's {@code KNOWN_SCHEMAS}: schema hashes that get fixed uids, so that the built-in
   * schemas have the same uid in every instance (spec §8.2).
   */
  public static final Map<String, String> KNOWN_SCHEMAS =
      Map.of(
          "kMi7B_N88uu-YnbTLDU-DA", "0000000000000000",
          "1gocc_TJ1RU2bMwDRK-WUA", "0000000000000001",
          "aqGWHvyY49W_PHELUMiBMw", "0000000000000002",
          "UR_ozz2VI2sY8ckXop2RAg", "0000000000000002");

  /**
   * Returns the built-in {@code valid_features} schema ({@code itype=Feature}, no members,
   * flexible), creating it on first use with its fixed uid {@code 0000000000000000}.
   *
   * @param inst the instance
   * @return the saved schema
   */
  public static Schema validFeatures(Instance inst) {
    return create(inst, VALID_FEATURES, List.of());
  }

  /**
   * Resolves what a user passes as a schema: the name of a built-in schema ({@code valid_features})
   * or of a saved schema.
   *
   * @param inst the instance
   * @param name the schema name
   * @return the saved schema
   * @throws InvalidArgumentException when no schema of that name exists
   */
  public static Schema byName(Instance inst, String name) {
    if (VALID_FEATURES.equals(name)) {
      return validFeatures(inst);
    }
    List<SQLRecord<?>> found =
        RecordStore.load(
            inst,
            CoreRegistries.SCHEMA,
            col("name").eq(name).and(col("branch_id").ne(RecordStore.TRASH)));
    if (found.isEmpty()) {
      throw new InvalidArgumentException(
          "no schema named '"
              + name
              + "': pass \"valid_features\" or a saved schema (ln.schema(name, features...))");
    }
    return (Schema) found.get(0);
  }

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
    if (KNOWN_SCHEMAS.containsKey(hash)) {
      v.put("uid", KNOWN_SCHEMAS.get(hash));
      dirty.add("uid");
    }
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
