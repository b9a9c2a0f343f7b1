package org.lamindb.bionty;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bionty registries, with the facts importers and validators need: table name, name and
 * ontology-id fields, whether records require an organism, whether they have a {@code parents}
 * hierarchy and which OBO relations count as parents besides {@code is_a}.
 */
public enum BiontyEntity {
  /** Organisms (NCBITaxon ids). */
  ORGANISM("Organism", "name", "ontology_id", false, true, Set.of()),
  /** Genes (Ensembl ids; name field is the symbol). */
  GENE("Gene", "symbol", "ensembl_gene_id", true, false, Set.of()),
  /** Proteins (UniProtKB ids). */
  PROTEIN("Protein", "name", "uniprotkb_id", true, false, Set.of()),
  /** Cell markers (no ontology id). */
  CELL_MARKER("CellMarker", "name", null, true, false, Set.of()),
  /** Cell types (CL). */
  CELL_TYPE("CellType", "name", "ontology_id", false, true, Set.of()),
  /** Cell lines (Cellosaurus, CLO, DepMap). */
  CELL_LINE("CellLine", "name", "ontology_id", false, true, Set.of()),
  /** Tissues (UBERON); part_of counts as parent. */
  TISSUE("Tissue", "name", "ontology_id", false, true, Set.of("part_of")),
  /** Diseases (MONDO, DOID, ICD). */
  DISEASE("Disease", "name", "ontology_id", false, true, Set.of()),
  /** Phenotypes (PATO, HP, Phecodes). */
  PHENOTYPE("Phenotype", "name", "ontology_id", false, true, Set.of()),
  /** Pathways (GO, PW). */
  PATHWAY("Pathway", "name", "ontology_id", false, true, Set.of()),
  /** Experimental factors (EFO). */
  EXPERIMENTAL_FACTOR("ExperimentalFactor", "name", "ontology_id", false, true, Set.of()),
  /** Developmental stages (HsapDv, MmusDv); part_of counts as parent. */
  DEVELOPMENTAL_STAGE("DevelopmentalStage", "name", "ontology_id", false, true, Set.of("part_of")),
  /** Ethnicities (HANCESTRO). */
  ETHNICITY("Ethnicity", "name", "ontology_id", false, true, Set.of());

  private final String className;
  private final String nameField;
  private final String ontologyIdField;
  private final boolean requiresOrganism;
  private final boolean hasParents;
  private final Set<String> parentRelations;

  BiontyEntity(
      String className,
      String nameField,
      String ontologyIdField,
      boolean requiresOrganism,
      boolean hasParents,
      Set<String> parentRelations) {
    this.className = className;
    this.nameField = nameField;
    this.ontologyIdField = ontologyIdField;
    this.requiresOrganism = requiresOrganism;
    this.hasParents = hasParents;
    this.parentRelations = parentRelations;
  }

  /**
   * @return the class name, e.g. {@code CellType}
   */
  public String className() {
    return className;
  }

  /**
   * @return the registry name, e.g. {@code bionty.CellType} (also Source.entity)
   */
  public String registryName() {
    return "bionty." + className;
  }

  /**
   * @return the SQL table, e.g. {@code bionty_celltype}
   */
  public String table() {
    return "bionty_" + className.toLowerCase(Locale.ROOT);
  }

  /**
   * @return the lower-cased class name used in link-table columns, e.g. {@code celltype}
   */
  public String modelName() {
    return className.toLowerCase(Locale.ROOT);
  }

  /**
   * @return LaminDB's name of the relation from Artifact to this registry, e.g. {@code cell_types},
   *     {@code diseases}, {@code ethnicities}
   */
  public String artifactRelation() {
    String snake = className.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return snake.endsWith("y") ? snake.substring(0, snake.length() - 1) + "ies" : snake + "s";
  }

  /**
   * @return the default field of validate/standardize ({@code name}; {@code symbol} for Gene)
   */
  public String nameField() {
    return nameField;
  }

  /**
   * @return the ontology id field ({@code ontology_id}, {@code ensembl_gene_id}, ...), empty for
   *     CellMarker
   */
  public Optional<String> ontologyIdField() {
    return Optional.ofNullable(ontologyIdField);
  }

  /**
   * @return true when records need an organism (Gene, Protein, CellMarker)
   */
  public boolean requiresOrganism() {
    return requiresOrganism;
  }

  /**
   * @return true when the registry has a self-referential {@code parents} hierarchy
   */
  public boolean hasParents() {
    return hasParents;
  }

  /**
   * @return OBO relationship types whose targets count as parents besides is_a
   */
  public Set<String> parentRelations() {
    return parentRelations;
  }

  /**
   * @param name a class name ({@code CellType}), registry name ({@code bionty.CellType}), table or
   *     constant name, in any case
   * @return the entity
   * @throws org.lamindb.InvalidArgumentException when nothing matches, listing the valid names
   */
  public static BiontyEntity of(String name) {
    String n =
        name.strip()
            .toLowerCase(Locale.ROOT)
            .replace("bionty.", "")
            .replace("bionty_", "")
            .replace("_", "");
    for (BiontyEntity e : values()) {
      if (e.modelName().equals(n) || (e.modelName() + "s").equals(n)) {
        return e;
      }
    }
    StringBuilder valid = new StringBuilder();
    for (BiontyEntity e : values()) {
      valid.append(valid.length() == 0 ? "" : ", ").append(e.className());
    }
    throw new org.lamindb.InvalidArgumentException(
        "unknown bionty registry '" + name + "'; valid registries: " + valid);
  }
}
