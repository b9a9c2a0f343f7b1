package org.lamindb.bionty.internal.db;

import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.SchemaBuilder;
import org.lamindb.spi.SchemaBuilder.OnDelete;
import org.lamindb.spi.SchemaBuilder.Table;

/**
 * DDL of the bionty module's first schema version: {@code bionty_source}, one table per registry
 * with LaminDB's columns, the {@code _parents} self-links, {@code bionty_pathway_genes} and the
 * artifact link tables. Written once for both dialects through {@link SchemaBuilder}.
 */
public final class BiontySchema {
  private BiontySchema() {}

  /** Adds every statement of schema version 1 to {@code b}. */
  public static void v1(SchemaBuilder b) {
    Table source =
        b.table("bionty_source")
            .id()
            .str("uid", 8)
            .notNull()
            .unique()
            .str("entity", 256)
            .notNull()
            .index()
            .str("organism", 64)
            .notNull()
            .index()
            .str("name", 64)
            .notNull()
            .index()
            .str("version", 64)
            .notNull()
            .index()
            .bool("in_db")
            .notNull()
            .def("FALSE")
            .bool("currently_used")
            .notNull()
            .def("FALSE")
            .text("description")
            .text("url")
            .text("md5")
            .text("source_website")
            .fk("dataframe_artifact_id", "lamindb_artifact", OnDelete.PROTECT);
    tracking(source);
    source.unique(
        "bionty_source_entity_name_organism_version_uniq", "entity", "name", "organism", "version");

    for (BiontyEntity e : BiontyEntity.values()) {
      entityTable(b, e);
    }
    for (BiontyEntity e : BiontyEntity.values()) {
      if (e.hasParents()) {
        String m = e.modelName();
        b.table(e.table() + "_parents")
            .id()
            .fk("from_" + m + "_id", e.table(), OnDelete.CASCADE)
            .notNull()
            .fk("to_" + m + "_id", e.table(), OnDelete.CASCADE)
            .notNull()
            .unique(e.table() + "_parents_uniq", "from_" + m + "_id", "to_" + m + "_id");
      }
    }
    b.table("bionty_pathway_genes")
        .id()
        .fk("pathway_id", "bionty_pathway", OnDelete.CASCADE)
        .notNull()
        .fk("gene_id", "bionty_gene", OnDelete.CASCADE)
        .notNull()
        .unique("bionty_pathway_genes_uniq", "pathway_id", "gene_id");
    for (BiontyEntity e : BiontyEntity.values()) {
      String m = e.modelName();
      String link = "bionty_artifact" + m;
      b.table(link)
          .id()
          .fk("artifact_id", "lamindb_artifact", OnDelete.CASCADE)
          .notNull()
          .fk(m + "_id", e.table(), OnDelete.PROTECT)
          .notNull()
          .fk("feature_id", "lamindb_feature", OnDelete.PROTECT)
          .bool("label_ref_is_name")
          .bool("feature_ref_is_name")
          .timestampNow("created_at")
          .fk("created_by_id", "lamindb_user", OnDelete.PROTECT)
          .notNull()
          .def("1")
          .fk("run_id", "lamindb_run", OnDelete.PROTECT)
          .unique(link + "_uniq", "artifact_id", m + "_id", "feature_id");
    }
  }

  private static void entityTable(SchemaBuilder b, BiontyEntity e) {
    Table t = b.table(e.table()).id().str("uid", 14).notNull().unique();
    switch (e) {
      case GENE ->
          t.str("symbol", 64)
              .index()
              .str("stable_id", 64)
              .unique()
              .str("ensembl_gene_id", 64)
              .unique()
              .text("ncbi_gene_ids")
              .str("biotype", 64)
              .index();
      case PROTEIN ->
          t.str("name", 256)
              .index()
              .str("uniprotkb_id", 10)
              .unique()
              .integer("length")
              .str("gene_symbol", 64)
              .index()
              .text("ensembl_gene_ids");
      case CELL_MARKER ->
          t.str("name", 64)
              .notNull()
              .index()
              .str("gene_symbol", 64)
              .index()
              .str("ncbi_gene_id", 32)
              .index()
              .str("uniprotkb_id", 10)
              .index();
      default -> t.str("name", 256).notNull().index().str("ontology_id", 256).index();
    }
    if (e == BiontyEntity.ORGANISM) {
      t.str("scientific_name", 256).unique();
    }
    t.str("abbr", 32)
        .unique()
        .text("synonyms")
        .text("description")
        .fk("source_id", "bionty_source", OnDelete.PROTECT);
    if (e.requiresOrganism()) {
      t.fk("organism_id", "bionty_organism", OnDelete.PROTECT).notNull();
    }
    tracking(t);
    switch (e) {
      case GENE, PROTEIN -> {}
      case CELL_MARKER -> t.unique(e.table() + "_name_organism_uniq", "name", "organism_id");
      default -> t.unique(e.table() + "_name_ontology_id_uniq", "name", "ontology_id");
    }
  }

  /** LaminDB's SQLRecord, TracksRun and TracksUpdates columns. */
  private static void tracking(Table t) {
    t.timestampNow("created_at")
        .timestampNow("updated_at")
        .fk("created_by_id", "lamindb_user", OnDelete.PROTECT)
        .notNull()
        .def("1")
        .fk("run_id", "lamindb_run", OnDelete.PROTECT)
        .fk("branch_id", "lamindb_branch", OnDelete.PROTECT)
        .notNull()
        .def("1")
        .fk("created_on_id", "lamindb_branch", OnDelete.PROTECT)
        .notNull()
        .def("1")
        .fk("space_id", "lamindb_space", OnDelete.PROTECT)
        .notNull()
        .def("1")
        .bool("is_locked")
        .notNull()
        .def("FALSE")
        .json("_aux");
  }
}
