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

  /** Name of the built-in AnnData schema (spec §8.3); also accepted without {@code anndata_}. */
  public static final String ANNDATA_ENSEMBL = "anndata_ensembl_gene_ids_and_valid_features_in_obs";

  /** itype of Ensembl gene id schemas. */
  public static final String GENE_ITYPE = "bionty.Gene.ensembl_gene_id";

  /**
   * @param itype an identifier type such as {@code bionty.Gene.ensembl_gene_id}
   * @param nMembers the number of members, or null
   * @return the hash of a member-less identifier schema ({@code dtype num})
   */
  public static String identifierHash(String itype, Long nMembers) {
    List<String> tokens =
        new ArrayList<>(List.of("a=num", "b=" + itype, "c=True", "d=False", "e=False"));
    if (nMembers != null) {
      tokens.add("h=" + nMembers);
    }
    tokens.sort(null);
    return Hashing.hashString(String.join(":", tokens));
  }

  /**
   * @param slotHashes component hash by slot
   * @return the hash of a composite schema ({@code dtype num}, no itype)
   */
  public static String compositeHash(Map<String, String> slotHashes) {
    List<String> slots = new ArrayList<>();
    slotHashes.forEach((slot, h) -> slots.add(slot + "=" + h));
    slots.sort(null);
    List<String> tokens =
        new ArrayList<>(
            List.of(
                "a=num",
                "c=True",
                "d=False",
                "e=False",
                "l=" + Hashing.hashString(String.join(":", slots))));
    tokens.sort(null);
    return Hashing.hashString(String.join(":", tokens));
  }

  /**
   * Returns the identifier schema ({@code itype}, optional {@code n_members}) with the same hash,
   * or creates it.
   *
   * @param inst the instance
   * @param name its name, or null
   * @param itype e.g. {@code bionty.Gene.ensembl_gene_id}
   * @param nMembers number of matched identifiers, or null
   * @return the saved schema
   */
  public static Schema identifiers(Instance inst, String name, String itype, Long nMembers) {
    String hash = identifierHash(itype, nMembers);
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("itype", itype);
    fields.put("_dtype_str", "num");
    fields.put("n_members", nMembers);
    fields.put("flexible", nMembers == null);
    return findOrInsert(inst, name, hash, fields, Map.of());
  }

  /**
   * Returns LaminDB's {@code anndata_ensembl_gene_ids_and_valid_features_in_obs} (uid {@code
   * 0000000000000002}): otype AnnData, slots {@code obs} → valid_features and {@code var.T} →
   * valid_ensembl_gene_ids (uid {@code 0000000000000001}), creating the three on first use.
   *
   * @param inst the instance
   * @return the saved composite schema
   */
  public static Schema anndataEnsembl(Instance inst) {
    Schema obs = validFeatures(inst);
    Schema var = identifiers(inst, "valid_ensembl_gene_ids", GENE_ITYPE, null);
    Map<String, Schema> slots = new java.util.LinkedHashMap<>();
    slots.put("obs", obs);
    slots.put("var.T", var);
    Map<String, String> hashes = new java.util.LinkedHashMap<>();
    slots.forEach((k, v) -> hashes.put(k, v.hash()));
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("otype", "AnnData");
    fields.put("_dtype_str", "num");
    fields.put("flexible", true);
    return findOrInsert(inst, ANNDATA_ENSEMBL, compositeHash(hashes), fields, slots);
  }

  /**
   * @return the components of a composite schema by slot, in insertion order
   */
  public static Map<String, Schema> components(Instance inst, long compositeId) {
    Map<String, Schema> out = new java.util.LinkedHashMap<>();
    var rows =
        inst.db()
            .dsl()
            .select(col("slot"), col("component_id"))
            .from(DSL.table(DSL.name("lamindb_schemacomponent")))
            .where(col("composite_id").eq(compositeId))
            .orderBy(col("id"))
            .fetch();
    for (var r : rows) {
      out.put(
          String.valueOf(r.get(0)),
          (Schema)
              RecordStore.byId(inst, CoreRegistries.SCHEMA, ((Number) r.get(1)).longValue())
                  .orElseThrow());
    }
    return out;
  }

  private static Schema findOrInsert(
      Instance inst,
      String name,
      String hash,
      Map<String, Object> fields,
      Map<String, Schema> components) {
    List<SQLRecord<?>> same =
        RecordStore.load(
            inst,
            CoreRegistries.SCHEMA,
            col("hash").eq(hash).and(col("branch_id").ne(RecordStore.TRASH)));
    if (!same.isEmpty()) {
      return (Schema) same.get(0);
    }
    Schema s = new Schema(inst.ln()).name(name);
    var v = org.lamindb.internal.core.Access.values(s);
    var dirty = org.lamindb.internal.core.Access.dirty(s);
    v.putAll(fields);
    v.put("hash", hash);
    v.put("minimal_set", true);
    v.put("ordered_set", false);
    v.put("maximal_set", false);
    if (KNOWN_SCHEMAS.containsKey(hash)) {
      v.put("uid", KNOWN_SCHEMAS.get(hash));
    }
    dirty.addAll(v.keySet());
    SchemaSaver.insert(inst, s, List.of(), components);
    return s;
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
    if (ANNDATA_ENSEMBL.equals(name) || ANNDATA_ENSEMBL.equals("anndata_" + name)) {
      return anndataEnsembl(inst);
    }
    List<SQLRecord<?>> found =
        RecordStore.load(
            inst,
            CoreRegistries.SCHEMA,
            col("name").eq(name).and(col("branch_id").ne(RecordStore.TRASH)));
    if (found.isEmpty() && name.length() == 16) {
      found =
          RecordStore.load(
              inst,
              CoreRegistries.SCHEMA,
              col("uid").eq(name).and(col("branch_id").ne(RecordStore.TRASH)));
    }
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
    SchemaSaver.insert(inst, s, features, Map.of());
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
