package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;

/**
 * Saves composed schemas as LaminDB does (spec §8.1–8.2): checks the definition (members, itype,
 * slots per otype), fills the defaults ({@code dtype}, {@code n_members}, {@code flexible}),
 * computes the hash from LaminDB's tokens, returns an existing schema with the same hash, else
 * inserts the row with its {@code lamindb_schemafeature} members and {@code
 * lamindb_schemacomponent} slots in one transaction.
 */
public final class SchemaSaver {
  private SchemaSaver() {}

  /** The otypes composite schemas may have. */
  public static final List<String> OTYPES =
      List.of("DataFrame", "AnnData", "MuData", "SpatialData");

  private static final Pattern ANNDATA_SLOT =
      Pattern.compile("obs|var|var\\.T|uns(:.+)?|obsm:.+|varm:.+|layers:.+");
  private static final Pattern MUDATA_SLOT = Pattern.compile("obs|var|[^:]+:(obs|var|var\\.T)");
  private static final Pattern SPATIAL_SLOT =
      Pattern.compile("attrs(:.+)?|tables:[^:]+:(obs|var|var\\.T)");
  private static final Pattern ITYPE =
      Pattern.compile("Feature|[A-Za-z_][\\w]*(\\.[A-Za-z_]\\w*){0,2}");

  /**
   * Saves {@code s}; see {@link Schema#save()}.
   *
   * @param inst the instance
   * @param s the schema (its fields set through the fluent setters)
   * @param features pending members, or null
   * @param index pending index feature, or null
   * @param slots pending components, or null
   */
  public static void save(
      Instance inst, Schema s, List<Feature> features, Feature index, Map<String, Schema> slots) {
    inst.checkWritable("save Schema");
    if (s.isSaved()) {
      throw new InvalidArgumentException(
          "schema '"
              + s.name()
              + "' is saved; members, index and slots of a saved schema cannot change: define a"
              + " new schema with ln.schema(name)");
    }
    Map<String, Object> v = Access.values(s);
    List<Feature> members = new ArrayList<>();
    if (index != null) {
      members.add(index);
    }
    if (features != null) {
      for (Feature f : features) {
        if (index == null || !index.equals(f)) {
          members.add(f);
        }
      }
    }
    boolean isType = Boolean.TRUE.equals(v.get("is_type"));
    Map<String, Schema> comps = slots == null ? Map.of() : slots;
    check(inst, s, members, comps, isType);
    boolean flexibleDefault = members.isEmpty();
    Set<String> optional = fillDefaults(v, members, index);
    String hash = isType ? null : hash(v, members, optional, index, comps, flexibleDefault);
    v.put("hash", hash);
    if (hash != null) {
      List<SQLRecord<?>> same =
          RecordStore.load(
              inst,
              CoreRegistries.SCHEMA,
              col("hash").eq(hash).and(col("branch_id").ne(RecordStore.TRASH)));
      if (!same.isEmpty()) {
        v.clear();
        v.putAll(Access.values(same.get(0)));
        Access.dirty(s).clear();
        org.slf4j.LoggerFactory.getLogger(SchemaSaver.class)
            .info("returning schema with same hash: '{}' ({})", s.name(), s.uid());
        return;
      }
      if (Schemas.KNOWN_SCHEMAS.containsKey(hash)) {
        v.put("uid", Schemas.KNOWN_SCHEMAS.get(hash));
      }
    }
    Access.dirty(s).addAll(v.keySet());
    insert(inst, s, members, comps);
  }

  /**
   * Fills LaminDB's defaults (itype, dtype, n_members, sets, flexible, coerce) and {@code _aux.af}.
   *
   * @return the uids of the optional members
   */
  private static Set<String> fillDefaults(
      Map<String, Object> v, List<Feature> members, Feature index) {
    String itype = (String) v.get("itype");
    if (itype == null && !members.isEmpty()) {
      itype = "Feature";
      v.put("itype", itype);
    }
    if (!v.containsKey("_dtype_str") || v.get("_dtype_str") == null) {
      v.put("_dtype_str", "Feature".equals(itype) ? null : "num");
    }
    if (!members.isEmpty()) {
      v.put("n_members", (long) members.size());
    }
    v.putIfAbsent("minimal_set", true);
    v.putIfAbsent("ordered_set", false);
    v.putIfAbsent("maximal_set", false);
    boolean flexibleDefault = members.isEmpty();
    if (v.get("flexible") == null) {
      v.put("flexible", flexibleDefault);
    }
    if (!Boolean.TRUE.equals(v.get("coerce"))) {
      v.remove("coerce");
    }
    Set<String> optional = new LinkedHashSet<>();
    members.forEach(
        f -> {
          if (f.isOptional()) {
            optional.add(f.uid());
          }
        });
    if (!optional.isEmpty() || index != null) {
      ObjectNode aux = JsonNodeFactory.instance.objectNode();
      ObjectNode af = aux.putObject("af");
      if (!optional.isEmpty()) {
        var arr = af.putArray("1");
        optional.forEach(arr::add);
      }
      if (index != null) {
        af.put("3", index.uid());
      }
      v.put("_aux", aux);
    }
    return optional;
  }

  /**
   * Inserts {@code s} with its member features ({@code lamindb_schemafeature}) and slot components
   * ({@code lamindb_schemacomponent}, with the user and current run) in one transaction.
   */
  static void insert(Instance inst, Schema s, List<Feature> members, Map<String, Schema> comps) {
    inst.db()
        .transaction(
            ctx -> {
              RecordStore.insert(inst, ctx, s);
              for (Feature f : members) {
                ctx.insertInto(DSL.table(DSL.name("lamindb_schemafeature")))
                    .set(col("schema_id"), s.id())
                    .set(col("feature_id"), f.id())
                    .execute();
              }
              for (Map.Entry<String, Schema> c : comps.entrySet()) {
                var ins =
                    ctx.insertInto(DSL.table(DSL.name("lamindb_schemacomponent")))
                        .set(col("composite_id"), s.id())
                        .set(col("component_id"), c.getValue().id())
                        .set(col("slot"), c.getKey())
                        .set(col("created_by_id"), inst.userId());
                if (inst.currentRunId() != null) {
                  ins = ins.set(col("run_id"), inst.currentRunId());
                }
                ins.execute();
              }
              return null;
            });
  }

  private static void check(
      Instance inst, Schema s, List<Feature> members, Map<String, Schema> comps, boolean isType) {
    String name = s.name() == null ? "(unnamed)" : s.name();
    if (members.isEmpty() && comps.isEmpty() && s.itype() == null && !isType) {
      throw new InvalidArgumentException(
          "schema '"
              + name
              + "': pass features or slots or itype or set isType(true), e.g."
              + " ln.schema(\""
              + name
              + "\").itype(\"Feature\").save()");
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (Feature f : members) {
      if (!f.isSaved()) {
        throw new InvalidArgumentException(
            "feature '" + f.name() + "' is not saved; save it before using it in a schema");
      }
      if (!seen.add(f.id())) {
        throw new InvalidArgumentException(
            "feature '" + f.name() + "' is passed twice to schema '" + name + "'");
      }
    }
    String itype = s.itype();
    if (itype != null && !ITYPE.matcher(itype).matches()) {
      throw new InvalidArgumentException(
          "schema '"
              + name
              + "': itype '"
              + itype
              + "' is not Feature or <registry>[.<field>], e.g. bionty.Gene.ensembl_gene_id");
    }
    if (itype != null && !members.isEmpty() && !itype.equals("Feature")) {
      throw new InvalidArgumentException(
          "schema '"
              + name
              + "' has Feature members but itype "
              + itype
              + "; members of other registries are not supported, use itype(\""
              + itype
              + "\") without features");
    }
    String otype = s.otype();
    if (otype != null && !OTYPES.contains(otype)) {
      throw new InvalidArgumentException(
          "schema '" + name + "': otype '" + otype + "' is not one of " + OTYPES);
    }
    if (s.suffix() != null && !s.suffix().matches("\\.[a-z0-9]+(\\.[a-z0-9]+)*")) {
      throw new InvalidArgumentException(
          "schema '" + name + "': suffix '" + s.suffix() + "' is not canonical, e.g. .parquet");
    }
    if (!comps.isEmpty()) {
      checkSlots(name, otype, comps);
    }
  }

  private static void checkSlots(String name, String otype, Map<String, Schema> comps) {
    if (otype == null) {
      throw new InvalidArgumentException(
          "schema '"
              + name
              + "' has slots but no otype: pass .otype(\"AnnData\"), \"MuData\" or"
              + " \"SpatialData\"");
    }
    Pattern p =
        switch (otype) {
          case "AnnData" -> ANNDATA_SLOT;
          case "MuData" -> MUDATA_SLOT;
          case "SpatialData" -> SPATIAL_SLOT;
          default -> null;
        };
    for (Map.Entry<String, Schema> c : comps.entrySet()) {
      if (p == null || !p.matcher(c.getKey()).matches()) {
        throw new InvalidArgumentException(
            "slot '"
                + c.getKey()
                + "' is not a slot of "
                + otype
                + "; valid: "
                + slotGrammar(otype));
      }
      if (c.getValue() == null || !c.getValue().isSaved()) {
        throw new InvalidArgumentException(
            "the schema of slot '" + c.getKey() + "' is not saved; save it first");
      }
    }
  }

  /**
   * @return the slot names an otype admits, for messages
   */
  public static String slotGrammar(String otype) {
    return switch (otype) {
      case "AnnData" -> "obs, var, var.T, obsm:<key>, uns, uns:<key>";
      case "MuData" -> "obs, <modality>:obs, <modality>:var, <modality>:var.T";
      case "SpatialData" -> "attrs, attrs:<key>, tables:<table>:obs, tables:<table>:var.T";
      default -> "none (a " + otype + " schema has no slots)";
    };
  }

  /**
   * LaminDB's schema hash (spec §8.2) from the row values, members and components.
   *
   * @return the 22-character hash
   */
  static String hash(
      Map<String, Object> v,
      List<Feature> members,
      Set<String> optional,
      Feature index,
      Map<String, Schema> comps,
      boolean flexibleDefault) {
    List<String> tokens = new ArrayList<>();
    if (v.get("_dtype_str") != null) {
      tokens.add("a=" + v.get("_dtype_str"));
    }
    if (v.get("itype") != null) {
      tokens.add("b=" + v.get("itype"));
    }
    tokens.add("c=" + py(v.get("minimal_set")));
    tokens.add("d=" + py(v.get("ordered_set")));
    tokens.add("e=" + py(v.get("maximal_set")));
    boolean flexible = truthy(v.get("flexible"));
    if (flexible != flexibleDefault) {
      tokens.add("f=" + py(flexible));
    }
    if (truthy(v.get("coerce"))) {
      tokens.add("g=True");
    }
    if (v.get("suffix") != null) {
      tokens.add("m=" + v.get("suffix"));
    }
    if (v.get("n_members") != null) {
      tokens.add("h=" + ((Number) v.get("n_members")).longValue());
    }
    if (index != null) {
      tokens.add("k=" + index.uid());
    }
    if (!members.isEmpty()) {
      List<String> uids = new ArrayList<>();
      members.forEach(f -> uids.add(optional.contains(f.uid()) ? f.uid() + "(i)" : f.uid()));
      if (!truthy(v.get("ordered_set"))) {
        uids.sort(null);
      }
      tokens.add("j=" + Hashing.hashString(String.join(":", uids)));
    }
    if (!comps.isEmpty()) {
      List<String> slots = new ArrayList<>();
      comps.forEach((k, c) -> slots.add(k + "=" + c.hash()));
      slots.sort(null);
      tokens.add("l=" + Hashing.hashString(String.join(":", slots)));
    }
    tokens.sort(null);
    return Hashing.hashString(String.join(":", tokens));
  }

  private static String py(Object b) {
    return truthy(b) ? "True" : "False";
  }

  static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.intValue() != 0;
    }
    return v != null && Boolean.parseBoolean(v.toString());
  }

  private static JsonNode af(Schema s) {
    Object aux = s.get("_aux");
    if (aux instanceof JsonNode n) {
      return n.path("af");
    }
    if (aux instanceof String str && !str.isBlank()) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(str).path("af");
      } catch (java.io.IOException e) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * @return uids of the optional members ({@code _aux.af["1"]})
   */
  public static Set<String> optionalUids(Schema s) {
    Set<String> out = new LinkedHashSet<>();
    af(s).path("1").forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * @return the index feature ({@code _aux.af["3"]}), or null
   */
  public static Feature indexFeature(Instance inst, Schema s) {
    JsonNode k = af(s).path("3");
    if (k.isMissingNode() || k.isNull()) {
      return null;
    }
    List<SQLRecord<?>> f =
        RecordStore.load(inst, CoreRegistries.FEATURE, col("uid").eq(k.asText()));
    return f.isEmpty() ? null : (Feature) f.get(0);
  }

  /**
   * @return the schema tree: fields, members (dtype, optional, index) and slots, recursively
   */
  public static String describe(Instance inst, Schema s) {
    StringBuilder b = new StringBuilder();
    b.append("Schema: ")
        .append(s.name() == null ? "(unnamed)" : s.name())
        .append(s.uid() == null ? " (unsaved)" : " (" + s.uid() + ")")
        .append('\n');
    describeBody(inst, s, b, "");
    return b.toString().stripTrailing();
  }

  private static void describeBody(Instance inst, Schema s, StringBuilder b, String indent) {
    List<String> lines = new ArrayList<>();
    lines.add(fields(s));
    List<Feature> members = s.isSaved() ? s.members() : List.of();
    Set<String> opt = s.isSaved() ? optionalUids(s) : Set.of();
    Feature idx = s.isSaved() ? indexFeature(inst, s) : null;
    Map<String, Schema> slots = s.isSaved() ? s.slots() : Map.of();
    List<Object> children = new ArrayList<>();
    if (!members.isEmpty()) {
      children.add("members (" + members.size() + ")");
    }
    slots.forEach((k, v) -> children.add(Map.entry(k, v)));
    b.append(indent).append(children.isEmpty() ? "└── " : "├── ").append(lines.get(0)).append('\n');
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      String branch = last ? "└── " : "├── ";
      String sub = indent + (last ? "    " : "│   ");
      Object c = children.get(i);
      if (c instanceof String header) {
        b.append(indent).append(branch).append(header).append('\n');
        for (int j = 0; j < members.size(); j++) {
          Feature f = members.get(j);
          String flags =
              (idx != null && idx.equals(f) ? " (index)" : "")
                  + (opt.contains(f.uid()) ? " (optional)" : "");
          b.append(sub)
              .append(j == members.size() - 1 ? "└── " : "├── ")
              .append(String.format("%-24s %s%s", f.name(), f.dtypeString(), flags))
              .append('\n');
        }
      } else {
        @SuppressWarnings("unchecked")
        Map.Entry<String, Schema> e = (Map.Entry<String, Schema>) c;
        Schema cs = e.getValue();
        b.append(indent)
            .append(branch)
            .append("slot ")
            .append(e.getKey())
            .append(" → ")
            .append(cs.name() == null ? "(unnamed)" : cs.name())
            .append(" (")
            .append(cs.uid())
            .append(")\n");
        describeBody(inst, cs, b, sub);
      }
    }
  }

  private static String fields(Schema s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("otype", s.otype());
    f.put("itype", s.itype());
    f.put("dtype", s.dtype());
    f.put("n_members", s.nMembers());
    f.put("flexible", s.flexible());
    f.put("minimal_set", s.minimalSet());
    f.put("maximal_set", s.maximalSet());
    f.put("ordered_set", s.orderedSet());
    f.put("coerce", s.coerce());
    f.put("suffix", s.suffix());
    f.put("is_type", Boolean.TRUE.equals(s.isType()) ? true : null);
    f.put("hash", s.hash());
    List<String> parts = new ArrayList<>();
    f.forEach(
        (k, val) -> {
          if (val != null) {
            parts.add(k + "=" + (val instanceof Number n && !(val instanceof Long) ? n : val));
          }
        });
    return String.join(" ", parts);
  }
}
