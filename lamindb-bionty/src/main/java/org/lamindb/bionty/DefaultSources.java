package org.lamindb.bionty;

import static org.lamindb.bionty.BiontyEntity.CELL_LINE;
import static org.lamindb.bionty.BiontyEntity.CELL_MARKER;
import static org.lamindb.bionty.BiontyEntity.CELL_TYPE;
import static org.lamindb.bionty.BiontyEntity.DEVELOPMENTAL_STAGE;
import static org.lamindb.bionty.BiontyEntity.DISEASE;
import static org.lamindb.bionty.BiontyEntity.ETHNICITY;
import static org.lamindb.bionty.BiontyEntity.EXPERIMENTAL_FACTOR;
import static org.lamindb.bionty.BiontyEntity.GENE;
import static org.lamindb.bionty.BiontyEntity.ORGANISM;
import static org.lamindb.bionty.BiontyEntity.PATHWAY;
import static org.lamindb.bionty.BiontyEntity.PHENOTYPE;
import static org.lamindb.bionty.BiontyEntity.PROTEIN;
import static org.lamindb.bionty.BiontyEntity.TISSUE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LaminDB's default public sources ({@code bionty/base/sources.yaml} 0.3.0): for each registry and
 * organism the first source listed is the one currently used. URLs keep bionty's {@code {version}}
 * placeholder resolved.
 */
public final class DefaultSources {
  private static final String PURL = "http://purl.obolibrary.org/obo/";
  private static final String ASSETS = "s3://bionty-assets/";
  private static final List<SourceInfo> ALL = build();

  /** Id prefixes kept per source when importing, as bionty's {@code include_id_prefixes}. */
  private static final Map<String, Set<String>> PREFIXES =
      Map.ofEntries(
          Map.entry("cl", Set.of("CL:")),
          Map.entry("uberon", Set.of("UBERON:")),
          Map.entry("mondo", Set.of("MONDO:")),
          Map.entry("hp", Set.of("HP:")),
          Map.entry("mp", Set.of("MP:")),
          Map.entry("zp", Set.of("ZP:")),
          Map.entry("pato", Set.of("PATO:")),
          Map.entry("efo", Set.of("EFO:")),
          Map.entry("hsapdv", Set.of("HsapDv:")),
          Map.entry("mmusdv", Set.of("MmusDv:")),
          Map.entry("hancestro", Set.of("HANCESTRO:")),
          Map.entry("clo", Set.of("CLO:")),
          Map.entry("cellosaurus", Set.of("CVCL_", "CVCL:")),
          Map.entry("dron", Set.of("DRON:")));

  private DefaultSources() {}

  /**
   * @return every default source row, in sources.yaml order
   */
  public static List<SourceInfo> all() {
    return ALL;
  }

  /**
   * @return the sources of one registry, currently used first per organism
   */
  public static List<SourceInfo> of(BiontyEntity entity) {
    return ALL.stream().filter(s -> s.entity() == entity).toList();
  }

  /**
   * The source a registry uses by default: the first listed for {@code organism}; without an
   * organism, the first for organism {@code all} (or {@code vertebrates} for Organism), else the
   * first listed at all.
   *
   * @param entity the registry
   * @param organism an organism name, or null
   * @return the source, or empty when the registry has none
   */
  public static Optional<SourceInfo> currentlyUsed(BiontyEntity entity, String organism) {
    List<SourceInfo> sources = of(entity);
    String wanted = organism != null ? organism : entity == ORGANISM ? "vertebrates" : "all";
    for (SourceInfo s : sources) {
      if (s.organism().equals(wanted)) {
        return Optional.of(s);
      }
    }
    if (organism == null && !sources.isEmpty()) {
      return Optional.of(sources.get(0));
    }
    return Optional.empty();
  }

  /**
   * @param sourceName e.g. {@code cl}
   * @return the id prefixes to keep (e.g. {@code CL:}), empty when bionty keeps every prefix
   */
  public static Set<String> idPrefixes(String sourceName) {
    return PREFIXES.getOrDefault(sourceName.toLowerCase(java.util.Locale.ROOT), Set.of());
  }

  private static List<SourceInfo> build() {
    List<SourceInfo> l = new ArrayList<>();
    String ens = "https://www.ensembl.org";
    for (String taxa : List.of("vertebrates", "bacteria", "fungi", "metazoa", "plants")) {
      String v = taxa.equals("vertebrates") ? "release-114" : "release-57";
      l.add(
          new SourceInfo(
              ORGANISM,
              "ensembl",
              taxa,
              v,
              "https://ftp.ensembl.org/pub/" + v + "/species_Ensembl" + capitalize(taxa) + ".txt",
              "Ensembl",
              ens));
    }
    l.add(
        new SourceInfo(
            ORGANISM,
            "ncbitaxon",
            "all",
            "2025-12-03",
            PURL + "ncbitaxon/2025-12-03/ncbitaxon.owl",
            "NCBItaxon Ontology",
            "https://github.com/obophenotype/ncbitaxon"));
    for (String org : List.of("human", "mouse", "saccharomyces cerevisiae")) {
      l.add(
          new SourceInfo(
              GENE,
              "ensembl",
              org,
              "release-114",
              ASSETS + "df_" + org.replace(' ', '-') + "__ensembl__release-114__Gene.parquet",
              "Ensembl",
              ens));
    }
    for (String org :
        List.of(
            "human",
            "mouse",
            "rattus norvegicus",
            "canis lupus",
            "macaca fascicularis",
            "sus scrofa",
            "cricetulus griseus",
            "escherichia coli",
            "arabidopsis thaliana",
            "saccharomyces cerevisiae",
            "bos taurus")) {
      l.add(
          new SourceInfo(
              PROTEIN,
              "uniprot",
              org,
              "2026-01",
              ASSETS + "df_" + org.replace(' ', '-') + "__uniprot__2026-01__Protein.parquet",
              "Uniprot",
              "https://www.uniprot.org"));
    }
    for (String org : List.of("human", "mouse")) {
      l.add(
          new SourceInfo(
              CELL_MARKER,
              "cellmarker",
              org,
              "2.0",
              ASSETS + org + "_cellmarker_2.0_CellMarker_lookup.parquet",
              "CellMarker",
              "http://xteam.xbio.top/CellMarker"));
    }
    l.add(
        new SourceInfo(
            CELL_LINE,
            "cellosaurus",
            "all",
            "53.0",
            ASSETS + "df_all__cellosaurus__53.0__CellLine.parquet",
            "Cellosaurus",
            "https://www.cellosaurus.org"));
    l.add(
        new SourceInfo(
            CELL_LINE,
            "clo",
            "all",
            "2022-03-21",
            ASSETS + "df_all__clo__2022-03-21__CellLine.parquet",
            "Cell Line Ontology",
            "https://www.ebi.ac.uk/ols/ontologies/clo"));
    l.add(
        new SourceInfo(
            CELL_LINE,
            "depmap",
            "all",
            "2024-Q2",
            ASSETS + "df_all__depmap__2024-Q2__CellLine.parquet",
            "DepMap",
            "https://depmap.org"));
    l.add(
        obo(
            CELL_TYPE,
            "cl",
            "all",
            "2025-12-17",
            "cl/releases/2025-12-17/cl.owl",
            "Cell Ontology"));
    l.add(
        obo(
            TISSUE,
            "uberon",
            "all",
            "2025-12-04",
            "uberon/releases/2025-12-04/uberon.owl",
            "Uberon multi-species anatomy ontology"));
    l.add(
        obo(
            DISEASE,
            "mondo",
            "all",
            "2026-01-06",
            "mondo/releases/2026-01-06/mondo.owl",
            "Mondo Disease Ontology"));
    l.add(
        obo(
            DISEASE,
            "doid",
            "human",
            "2025-12-23",
            "doid/releases/2025-12-23/doid.obo",
            "Human Disease Ontology"));
    l.add(
        new SourceInfo(
            DISEASE,
            "icd",
            "human",
            "icd-11-2023",
            ASSETS + "df_human__icd__icd-11-2023__Disease.parquet",
            "International Classification of Diseases",
            "https://icd.who.int"));
    l.add(
        new SourceInfo(
            EXPERIMENTAL_FACTOR,
            "efo",
            "all",
            "3.85.0",
            "https://github.com/EBISPOT/efo/releases/download/v3.85.0/efo.owl",
            "The Experimental Factor Ontology",
            "https://www.ebi.ac.uk/efo"));
    l.add(
        obo(
            PHENOTYPE,
            "pato",
            "all",
            "2025-05-14",
            "pato/releases/2025-05-14/pato.owl",
            "Phenotype And Trait Ontology"));
    l.add(
        new SourceInfo(
            PHENOTYPE,
            "hp",
            "human",
            "2026-01-08",
            "https://github.com/obophenotype/human-phenotype-ontology/releases/download/v2026-01-08/hp.owl",
            "Human Phenotype Ontology",
            "https://hpo.jax.org"));
    l.add(
        new SourceInfo(
            PHENOTYPE,
            "phe",
            "human",
            "1.2",
            ASSETS + "df_human__phe__1.2__Phenotype.parquet",
            "Phecodes (ICD10 map)",
            "https://phewascatalog.org"));
    l.add(
        obo(
            PATHWAY,
            "go",
            "all",
            "2025-10-10",
            "go/releases/2025-10-10/extensions/go-plus.owl",
            "Gene Ontology"));
    l.add(obo(PATHWAY, "pw", "all", "7.96", "pw/7.96/pw.owl", "Pathway Ontology"));
    String dv =
        "https://github.com/obophenotype/developmental-stage-ontologies/releases/download/"
            + "v2025-01-23/";
    l.add(
        new SourceInfo(
            DEVELOPMENTAL_STAGE,
            "hsapdv",
            "human",
            "2025-01-23",
            dv + "hsapdv.owl",
            "Human Developmental Stages",
            "https://github.com/obophenotype/developmental-stage-ontologies"));
    l.add(
        new SourceInfo(
            DEVELOPMENTAL_STAGE,
            "mmusdv",
            "mouse",
            "2025-01-23",
            dv + "mmusdv.owl",
            "Mouse Developmental Stages",
            "https://github.com/obophenotype/developmental-stage-ontologies"));
    l.add(
        obo(
            ETHNICITY,
            "hancestro",
            "human",
            "2025-10-14",
            "hancestro/releases/2025-10-14/hancestro.owl",
            "Human Ancestry Ontology"));
    return List.copyOf(l);
  }

  private static SourceInfo obo(
      BiontyEntity e,
      String name,
      String organism,
      String version,
      String path,
      String description) {
    return new SourceInfo(
        e,
        name,
        organism,
        version,
        PURL + path,
        description,
        "https://obofoundry.org/ontology/" + name + ".html");
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
