package org.lamindb.bionty.internal.db;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.model.CellLine;
import org.lamindb.bionty.model.CellMarker;
import org.lamindb.bionty.model.CellType;
import org.lamindb.bionty.model.DevelopmentalStage;
import org.lamindb.bionty.model.Disease;
import org.lamindb.bionty.model.Ethnicity;
import org.lamindb.bionty.model.ExperimentalFactor;
import org.lamindb.bionty.model.Gene;
import org.lamindb.bionty.model.Organism;
import org.lamindb.bionty.model.Pathway;
import org.lamindb.bionty.model.Phenotype;
import org.lamindb.bionty.model.Protein;
import org.lamindb.bionty.model.Source;
import org.lamindb.bionty.model.Tissue;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;

/** The {@link RegistryDef}s of the bionty module, matching {@link BiontySchema}. */
public final class BiontyRegistries {
  /** Registry name of Source. */
  public static final String SOURCE = "bionty.Source";

  private static final Map<BiontyEntity, RegistryDef> BY_ENTITY = new EnumMap<>(BiontyEntity.class);
  private static final RegistryDef SOURCE_DEF = buildSource();
  private static final List<RegistryDef> ALL = buildAll();

  private BiontyRegistries() {}

  /**
   * @return all registries: Source first, then one per {@link BiontyEntity}
   */
  public static List<RegistryDef> all() {
    return ALL;
  }

  /**
   * @return the registry of {@code entity}
   */
  public static RegistryDef of(BiontyEntity entity) {
    return BY_ENTITY.get(entity);
  }

  /**
   * @return the Source registry
   */
  public static RegistryDef source() {
    return SOURCE_DEF;
  }

  private static RegistryDef buildSource() {
    return RegistryDef.builder(SOURCE, "bionty_source")
        .module("bionty")
        .uid(8)
        .field("entity", FieldType.STRING, false)
        .field("organism", FieldType.STRING, false)
        .field("name", FieldType.STRING, false)
        .field("version", FieldType.STRING, false)
        .field("in_db", FieldType.BOOLEAN, false)
        .field("currently_used", FieldType.BOOLEAN, false)
        .field("description", FieldType.TEXT)
        .field("url", FieldType.TEXT)
        .field("md5", FieldType.TEXT)
        .field("source_website", FieldType.TEXT)
        .fk("dataframe_artifact", "Artifact", true)
        .tracksRun()
        .tracksUpdates()
        .sqlRecord()
        .entity(ln -> new Source(ln, BiontyRegistries.SOURCE_DEF))
        .build();
  }

  private static List<RegistryDef> buildAll() {
    List<RegistryDef> all = new ArrayList<>();
    all.add(SOURCE_DEF);
    for (BiontyEntity e : BiontyEntity.values()) {
      RegistryDef def = build(e);
      BY_ENTITY.put(e, def);
      all.add(def);
    }
    return List.copyOf(all);
  }

  private static RegistryDef build(BiontyEntity e) {
    RegistryDef.Builder b =
        RegistryDef.builder(e.registryName(), e.table())
            .module("bionty")
            .uid(14)
            .nameField(e.nameField());
    switch (e) {
      case GENE ->
          b.field("symbol", FieldType.STRING)
              .field("stable_id", FieldType.STRING)
              .field("ensembl_gene_id", FieldType.STRING)
              .field("ncbi_gene_ids", FieldType.TEXT)
              .field("biotype", FieldType.STRING);
      case PROTEIN ->
          b.field("name", FieldType.STRING)
              .field("uniprotkb_id", FieldType.STRING)
              .field("length", FieldType.INTEGER)
              .field("gene_symbol", FieldType.STRING)
              .field("ensembl_gene_ids", FieldType.TEXT);
      case CELL_MARKER ->
          b.field("name", FieldType.STRING, false)
              .field("gene_symbol", FieldType.STRING)
              .field("ncbi_gene_id", FieldType.STRING)
              .field("uniprotkb_id", FieldType.STRING);
      default -> b.field("name", FieldType.STRING, false).field("ontology_id", FieldType.STRING);
    }
    if (e == BiontyEntity.ORGANISM) {
      b.field("scientific_name", FieldType.STRING);
    }
    b.field("abbr", FieldType.STRING)
        .field("synonyms", FieldType.TEXT)
        .field("description", FieldType.TEXT)
        .fk("source", SOURCE, true);
    if (e.requiresOrganism()) {
      b.fk("organism", BiontyEntity.ORGANISM.registryName(), false);
    }
    b.tracksRun().tracksUpdates().sqlRecord();
    String m = e.modelName();
    if (e.hasParents()) {
      String parents = e.table() + "_parents";
      b.many("parents", e.registryName(), parents, "from_" + m + "_id", "to_" + m + "_id");
      b.many("children", e.registryName(), parents, "to_" + m + "_id", "from_" + m + "_id");
    }
    b.many("artifacts", "Artifact", "bionty_artifact" + m, m + "_id", "artifact_id");
    if (e == BiontyEntity.PATHWAY) {
      b.many(
          "genes",
          BiontyEntity.GENE.registryName(),
          "bionty_pathway_genes",
          "pathway_id",
          "gene_id");
    }
    if (e == BiontyEntity.GENE) {
      b.many(
          "pathways",
          BiontyEntity.PATHWAY.registryName(),
          "bionty_pathway_genes",
          "gene_id",
          "pathway_id");
    }
    BiFunction<LaminDB, RegistryDef, SQLRecord<?>> ctor = constructor(e);
    return b.entity(ln -> ctor.apply(ln, BY_ENTITY.get(e))).build();
  }

  private static BiFunction<LaminDB, RegistryDef, SQLRecord<?>> constructor(BiontyEntity e) {
    return switch (e) {
      case ORGANISM -> Organism::new;
      case GENE -> Gene::new;
      case PROTEIN -> Protein::new;
      case CELL_MARKER -> CellMarker::new;
      case CELL_TYPE -> CellType::new;
      case CELL_LINE -> CellLine::new;
      case TISSUE -> Tissue::new;
      case DISEASE -> Disease::new;
      case PHENOTYPE -> Phenotype::new;
      case PATHWAY -> Pathway::new;
      case EXPERIMENTAL_FACTOR -> ExperimentalFactor::new;
      case DEVELOPMENTAL_STAGE -> DevelopmentalStage::new;
      case ETHNICITY -> Ethnicity::new;
    };
  }
}
