package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Describer;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.query.FeatureFilters;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;

/**
 * The feature parts of describe() (spec §10.2): {@code Dataset features} per schema slot of an
 * artifact, then the annotated values as {@code External features} (titled {@code Features} for
 * runs, records, and artifacts without dataset features): categorical features first, then
 * JSON-valued ones, each sorted by name, in three columns: name, dtype (without the {@code
 * cat[...]} wrapper, types by name), values.
 */
public final class FeatureSections implements Describer.DescribeSection {
  private final Instance inst;

  /**
   * @param inst the instance
   */
  public FeatureSections(Instance inst) {
    this.inst = inst;
  }

  @Override
  public List<Describer.Section> sections(SQLRecord<?> rec) {
    if (!rec.isSaved() || !FeatureFilters.HOSTS.contains(rec.registry().name())) {
      return List.of();
    }
    List<Describer.Section> out = new ArrayList<>();
    FeatureReader reader = new FeatureReader(inst, rec.registry());
    List<FeatureReader.Value> values = reader.read(List.of(rec.id()), null);
    Map<Long, List<Object>> byFeature = new java.util.LinkedHashMap<>();
    Map<Long, Boolean> cat = new java.util.HashMap<>();
    for (FeatureReader.Value v : values) {
      byFeature.computeIfAbsent(v.featureId(), k -> new ArrayList<>()).add(v.value());
      cat.put(v.featureId(), v.categorical());
    }
    java.util.Set<Long> inDataset = new java.util.HashSet<>();
    List<String> dataset =
        rec.registry().name().equals("Artifact")
            ? datasetRows(rec.id(), byFeature, cat, inDataset)
            : List.of();
    if (!dataset.isEmpty()) {
      out.add(new Describer.Section("Dataset features", dataset));
    }
    TreeMap<String, String> cats = new TreeMap<>();
    TreeMap<String, String> jsons = new TreeMap<>();
    for (Map.Entry<Long, List<Object>> e : byFeature.entrySet()) {
      if (inDataset.contains(e.getKey())) {
        continue; // labels of validated columns are shown under Dataset features
      }
      Feature f = reader.feature(e.getKey());
      String dtype = FeatureCatalog.display(inst, FeatureCatalog.dtype(f));
      String vals = FeatureColumns.text(e.getValue());
      String row = String.format("%-20s%-25s%s", cut(f.name(), 19), cut(dtype, 24), cut(vals, 60));
      (cat.get(e.getKey()) ? cats : jsons).put(f.name(), row);
    }
    if (cats.isEmpty() && jsons.isEmpty()) {
      return out;
    }
    List<String> rows = new ArrayList<>(cats.values());
    rows.addAll(jsons.values());
    out.add(new Describer.Section(dataset.isEmpty() ? "Features" : "External features", rows));
    return out;
  }

  /**
   * @return one title row per slot, then its members (sorted by name, at most 20) with dtype and
   *     the labels linked with that feature; adds the ids of categorical members with linked labels
   *     to {@code inDataset}
   */
  private List<String> datasetRows(
      long artifactId,
      Map<Long, List<Object>> byFeature,
      Map<Long, Boolean> cat,
      java.util.Set<Long> inDataset) {
    List<List<String>> slots = new ArrayList<>();
    var links =
        inst.db()
            .dsl()
            .select(col("slot"), col("schema_id"))
            .from(DSL.table(DSL.name("lamindb_artifactschema")))
            .where(col("artifact_id").eq(artifactId))
            .orderBy(col("id"))
            .fetch();
    for (var l : links) {
      long schemaId = ((Number) l.get(1)).longValue();
      var schema = RecordStore.byId(inst, CoreRegistries.SCHEMA, schemaId).orElseThrow();
      Object itype = schema.get("itype");
      if (itype != null && !itype.equals("Feature")) {
        // identifier schemas (var.T of bionty.Gene.ensembl_gene_id) store only their count
        String t = itype.toString();
        String registry =
            t.indexOf('.') != t.lastIndexOf('.') ? t.substring(0, t.lastIndexOf('.')) : t;
        slots.add(List.of(l.get(0) + " (" + schema.get("n_members") + " " + registry + ")"));
        continue;
      }
      List<Feature> members = Schemas.members(inst, schemaId);
      List<String> rows = new ArrayList<>();
      slots.add(rows);
      rows.add(l.get(0) + " (" + members.size() + ")");
      members.sort((a, b) -> a.name().compareTo(b.name()));
      for (Feature f : members.subList(0, Math.min(20, members.size()))) {
        String dtype = FeatureCatalog.display(inst, FeatureCatalog.dtype(f));
        List<Object> vals = byFeature.get(f.id());
        if (vals != null && Boolean.TRUE.equals(cat.get(f.id()))) {
          inDataset.add(f.id());
          rows.add(
              String.format(
                  "%-20s%-25s%s", cut(f.name(), 19), cut(dtype, 24), cut(labelText(vals), 60)));
        } else {
          rows.add(String.format("%-20s%s", cut(f.name(), 19), dtype));
        }
      }
    }
    return tree(slots);
  }

  /**
   * @return the slots as a sub-tree: each title behind {@code ├── } ({@code └── } for the last),
   *     its members behind {@code │ } (four spaces under the last)
   */
  static List<String> tree(List<List<String>> slots) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      boolean last = i == slots.size() - 1;
      List<String> slot = slots.get(i);
      rows.add((last ? "└── " : "├── ") + slot.get(0));
      for (String member : slot.subList(1, slot.size())) {
        rows.add((last ? "    " : "│   ") + member);
      }
    }
    return rows;
  }

  /**
   * @return the labels sorted, comma-joined, at most 10 then {@code , ...}
   */
  private static String labelText(List<Object> vals) {
    List<String> names = new ArrayList<>();
    vals.forEach(v -> names.add(String.valueOf(v)));
    names.sort(null);
    String joined = String.join(", ", names.subList(0, Math.min(10, names.size())));
    return names.size() > 10 ? joined + ", ..." : joined;
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
