package org.lamindb.bionty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.StorageException;
import org.lamindb.bionty.internal.db.BiontyRegistries;
import org.lamindb.bionty.internal.db.Snapshots;
import org.lamindb.bionty.internal.db.SourceImports;
import org.lamindb.bionty.internal.db.SourceRows;
import org.lamindb.bionty.internal.db.Tracking;
import org.lamindb.bionty.internal.sources.OntologyInfo;
import org.lamindb.bionty.internal.sources.SourceDownloader;
import org.lamindb.bionty.model.BioRecord;
import org.lamindb.bionty.model.CellLine;
import org.lamindb.bionty.model.CellMarker;
import org.lamindb.bionty.model.CellType;
import org.lamindb.bionty.model.DevelopmentalStage;
import org.lamindb.bionty.model.Disease;
import org.lamindb.bionty.model.Ethnicity;
import org.lamindb.bionty.model.ExperimentalFactor;
import org.lamindb.bionty.model.Organism;
import org.lamindb.bionty.model.Pathway;
import org.lamindb.bionty.model.Phenotype;
import org.lamindb.bionty.model.Protein;
import org.lamindb.bionty.model.Source;
import org.lamindb.bionty.model.Tissue;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.ModuleContext;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.SqlDatabase;

/**
 * Entry point of the bionty module on one instance: the ontology and gene registries.
 *
 * <pre>{@code
 * try (LaminDB ln = LaminDB.connect()) {
 *   Bionty bt = ln.module(Bionty.class);
 *   bt.cellTypes().importSource(Path.of("cl-basic.obo"));
 *   bt.cellTypes().search("T cell").get(0);                 // CellType(name='T cell', ontology_id='CL:0000084')
 *   bt.genes().importSource(Path.of("genes_homo_sapiens.csv.gz"), Path.of("hgnc_complete_set.txt.gz"), "human");
 * }
 * }</pre>
 */
public final class Bionty {
  /** Known organisms: name → (NCBITaxon id, scientific name). */
  private static final Map<String, String[]> ORGANISMS =
      Map.of(
          "human", new String[] {"NCBITaxon:9606", "homo_sapiens"},
          "mouse", new String[] {"NCBITaxon:10090", "mus_musculus"},
          "rat", new String[] {"NCBITaxon:10116", "rattus_norvegicus"},
          "zebrafish", new String[] {"NCBITaxon:7955", "danio_rerio"},
          "saccharomyces cerevisiae", new String[] {"NCBITaxon:4932", "saccharomyces_cerevisiae"});

  private final LaminDB ln;
  private final ModuleContext ctx;
  private final Snapshots snapshots;

  /** Organism ids by name; organisms are only added, and a stale id shows up as an empty match. */
  private final Map<String, Long> organismIds = new java.util.concurrent.ConcurrentHashMap<>();

  Bionty(ModuleContext ctx) {
    this.ln = ctx.ln();
    this.ctx = ctx;
    this.snapshots = new Snapshots(ctx.database());
  }

  /**
   * @return the bionty facade of {@code ln} (same as {@code ln.module(Bionty.class)})
   */
  public static Bionty of(LaminDB ln) {
    return ln.module(Bionty.class);
  }

  /**
   * @return cell types (CL)
   */
  public BiontyRegistry<CellType> cellTypes() {
    return new BiontyRegistry<>(this, BiontyEntity.CELL_TYPE, CellType.class);
  }

  /**
   * @return cell lines
   */
  public BiontyRegistry<CellLine> cellLines() {
    return new BiontyRegistry<>(this, BiontyEntity.CELL_LINE, CellLine.class);
  }

  /**
   * @return tissues (UBERON)
   */
  public BiontyRegistry<Tissue> tissues() {
    return new BiontyRegistry<>(this, BiontyEntity.TISSUE, Tissue.class);
  }

  /**
   * @return diseases (MONDO, DOID)
   */
  public BiontyRegistry<Disease> diseases() {
    return new BiontyRegistry<>(this, BiontyEntity.DISEASE, Disease.class);
  }

  /**
   * @return phenotypes (PATO, HP, Phecodes)
   */
  public BiontyRegistry<Phenotype> phenotypes() {
    return new BiontyRegistry<>(this, BiontyEntity.PHENOTYPE, Phenotype.class);
  }

  /**
   * @return pathways (GO, PW)
   */
  public BiontyRegistry<Pathway> pathways() {
    return new BiontyRegistry<>(this, BiontyEntity.PATHWAY, Pathway.class);
  }

  /**
   * @return experimental factors (EFO)
   */
  public BiontyRegistry<ExperimentalFactor> experimentalFactors() {
    return new BiontyRegistry<>(this, BiontyEntity.EXPERIMENTAL_FACTOR, ExperimentalFactor.class);
  }

  /**
   * @return developmental stages (HsapDv, MmusDv)
   */
  public BiontyRegistry<DevelopmentalStage> developmentalStages() {
    return new BiontyRegistry<>(this, BiontyEntity.DEVELOPMENTAL_STAGE, DevelopmentalStage.class);
  }

  /**
   * @return ethnicities (HANCESTRO)
   */
  public BiontyRegistry<Ethnicity> ethnicities() {
    return new BiontyRegistry<>(this, BiontyEntity.ETHNICITY, Ethnicity.class);
  }

  /**
   * @return organisms
   */
  public BiontyRegistry<Organism> organisms() {
    return new BiontyRegistry<>(this, BiontyEntity.ORGANISM, Organism.class);
  }

  /**
   * @return genes
   */
  public GeneRegistry genes() {
    return new GeneRegistry(this);
  }

  /**
   * @return proteins (validate, search and queries; records come from {@code save()} — LaminDB
   *     serves their sources as hosted parquet files, which this version does not import)
   */
  public BiontyRegistry<Protein> proteins() {
    return new BiontyRegistry<>(this, BiontyEntity.PROTEIN, Protein.class);
  }

  /**
   * @return cell markers (validate, search and queries; no importer in this version)
   */
  public BiontyRegistry<CellMarker> cellMarkers() {
    return new BiontyRegistry<>(this, BiontyEntity.CELL_MARKER, CellMarker.class);
  }

  /**
   * @param name a registry name such as {@code CellType}, {@code bionty.Disease} or {@code tissue}
   * @return that registry (Gene, Protein and CellMarker need their typed accessors for organism
   *     handling)
   */
  public BiontyRegistry<?> registry(String name) {
    BiontyEntity e = BiontyEntity.of(name);
    return switch (e) {
      case CELL_TYPE -> cellTypes();
      case CELL_LINE -> cellLines();
      case TISSUE -> tissues();
      case DISEASE -> diseases();
      case PHENOTYPE -> phenotypes();
      case PATHWAY -> pathways();
      case EXPERIMENTAL_FACTOR -> experimentalFactors();
      case DEVELOPMENTAL_STAGE -> developmentalStages();
      case ETHNICITY -> ethnicities();
      case ORGANISM -> organisms();
      case GENE -> genes();
      case PROTEIN -> proteins();
      case CELL_MARKER -> cellMarkers();
    };
  }

  /**
   * @return the Source records (versions of public sources per registry)
   */
  public QuerySet<Source> sources() {
    return QuerySet.of(ln, Source.class);
  }

  /**
   * Registers the source versions listed in an {@code ontology_info.json}-style file (cellxgene's
   * layout: per ontology a version, a URL template and a file name) and makes each the source its
   * registry currently uses, so that a later {@code importSource()} fetches that version.
   * Ontologies without a bionty registry (e.g. CHEBI) are skipped with a log message. All rows are
   * written in one transaction.
   *
   * <pre>{@code
   * bt.syncSources(Path.of("ontology_info.json"));
   * bt.cellTypes().importSource();   // downloads cl.owl of the listed version once, then imports it
   * }</pre>
   *
   * @param ontologyInfo the metadata file
   * @return the sources now currently used, in file order
   */
  public List<SourceInfo> syncSources(Path ontologyInfo) {
    OntologyInfo.Listing listing = OntologyInfo.read(ontologyInfo);
    Tracking t = tracking();
    try (Connection c = ctx.database().connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (SourceInfo s : listing.sources()) {
          SourceRows.syncCurrent(c, t, s);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StorageException("cannot write bionty_source: " + e.getMessage(), e);
    }
    if (!listing.skipped().isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(Bionty.class)
          .info(
              "skipped ontologies without a bionty registry in {}: {}",
              ontologyInfo.getFileName(),
              listing.skipped());
    }
    return listing.sources();
  }

  /**
   * @param name organism name, e.g. {@code human}
   * @return the Organism record, created (with its NCBITaxon id when known) if missing
   */
  public Organism organism(String name) {
    var existing = QuerySet.of(ln, Organism.class).filter("name", name).first();
    if (existing.isPresent()) {
      return existing.get();
    }
    Organism o = (Organism) registryDef(BiontyEntity.ORGANISM).newEntity(ln);
    String[] known = ORGANISMS.get(name);
    o.name(name);
    if (known != null) {
      o.ontologyId(known[0]).scientificName(known[1]);
    }
    return o.save();
  }

  // ---- package-private services for the registries
  // ------------------------------------------------------

  LaminDB ln() {
    return ln;
  }

  ModuleContext context() {
    return ctx;
  }

  SqlDatabase db() {
    return ctx.database();
  }

  Snapshots snapshots() {
    return snapshots;
  }

  RegistryDef registryDef(BiontyEntity e) {
    return BiontyRegistries.of(e);
  }

  Long organismId(String name) {
    Long cached = organismIds.get(name);
    if (cached != null) {
      return cached;
    }
    Long id =
        QuerySet.of(ln, Organism.class)
            .filter("name", name)
            .first()
            .map(Organism::id)
            .orElseThrow(
                () ->
                    new InvalidArgumentException(
                        "no organism '"
                            + name
                            + "' in this "
                            + "instance; import genes for it first, or create it with bt.organism(\""
                            + name
                            + "\")"));
    organismIds.put(name, id);
    return id;
  }

  Tracking tracking() {
    return new Tracking(ctx.database(), ctx.userId(), null, ctx.branchId(), ctx.spaceId());
  }

  /**
   * @return the Source currently used for {@code e}, from the instance, else LaminDB's defaults
   */
  SourceInfo currentSource(BiontyEntity e, String organism) {
    try (Connection c = ctx.database().connection()) {
      var s = SourceRows.currentlyUsed(c, e, organism);
      if (s.isPresent()) {
        return s.get();
      }
    } catch (SQLException ex) {
      throw new StorageException("cannot read bionty_source: " + ex.getMessage(), ex);
    }
    return DefaultSources.currentlyUsed(e, organism)
        .orElseThrow(() -> new InvalidArgumentException("no source known for " + e.className()));
  }

  /**
   * @return the Source a local file stands for: names/versions given, else detected, else current
   * @param organism the organism of the file's records; null to detect it from a bionty parquet
   *     name, else the source's organism
   */
  SourceInfo sourceFor(BiontyEntity e, Path file, String name, String version, String organism) {
    String n = name != null ? name : file == null ? null : OntologyFiles.detectSourceName(file);
    String v = version != null ? version : file == null ? null : OntologyFiles.detectVersion(file);
    String org = organism != null ? organism : file == null ? null : organismOfFile(file);
    SourceInfo current;
    try {
      current = currentSource(e, org);
    } catch (InvalidArgumentException noSourceForOrganism) {
      current = currentSource(e, null);
    }
    if (n == null) {
      n = current.name();
    }
    SourceInfo base = current.name().equalsIgnoreCase(n) ? current : null;
    if (base == null) {
      for (SourceInfo s : DefaultSources.of(e)) {
        if (s.name().equalsIgnoreCase(n) && (org == null || org.equals(s.organism()))) {
          base = s;
          break;
        }
      }
    }
    String orgName = org != null ? org : base == null ? "all" : base.organism();
    String desc = base == null ? n : base.description();
    String site = base == null ? null : base.website();
    return new SourceInfo(
        e,
        n.toLowerCase(java.util.Locale.ROOT),
        orgName,
        v == null ? "unversioned" : v,
        file != null
            ? file.toUri().toString()
            : base != null && base.version().equals(v) ? base.url() : null,
        desc,
        site);
  }

  SourceInfo geneSource(String organism, Path file) {
    SourceInfo d = DefaultSources.currentlyUsed(BiontyEntity.GENE, organism).orElse(null);
    String version = d == null ? "unversioned" : d.version();
    return new SourceInfo(
        BiontyEntity.GENE,
        "ensembl",
        organism,
        version,
        file.toUri().toString(),
        "Ensembl",
        "https://www.ensembl.org");
  }

  ImportReport importOntology(BiontyEntity e, Path file, SourceInfo s) {
    return SourceImports.importOntology(ctx.database(), tracking(), e, file, s);
  }

  ImportReport importSome(BiontyEntity e, List<OntologyTerm> terms, SourceInfo s) {
    return SourceImports.importSome(ctx.database(), tracking(), e, terms, s);
  }

  ImportReport importTable(BiontyEntity e, Path file, SourceInfo s, Long organismId, String org) {
    return SourceImports.importTable(ctx.database(), tracking(), e, file, s, organismId, org);
  }

  ImportReport importGenes(Path genes, Path hgnc, SourceInfo s, long organismId) {
    return SourceImports.importGenes(ctx.database(), tracking(), genes, hgnc, s, organismId);
  }

  <T extends BioRecord<T>> T newRecord(BiontyEntity e, Class<T> type, OntologyTerm t) {
    T rec = type.cast(registryDef(e).newEntity(ln));
    if (rec instanceof org.lamindb.bionty.model.OntologyRecord<?> o) {
      o.name(t.name());
      o.ontologyId(t.ontologyId());
    }
    rec.synonyms(t.exactSynonyms());
    rec.description(t.description());
    return rec;
  }

  /**
   * A local file and the source it is a version of.
   *
   * @param file the file
   * @param source the source
   */
  record Fetched(Path file, SourceInfo source) {}

  /**
   * @return the source with its file fetched into the cache
   */
  Fetched fetchFor(SourceInfo s) {
    return new Fetched(fetch(s), s);
  }

  /**
   * @return a local copy of the source file: from {@code <cache>/bionty/}, else downloaded there
   *     once with progress reports (a progress bar in the CLI)
   * @throws StorageException when the source cannot be fetched (offline, unknown URL scheme)
   */
  Path fetch(SourceInfo s) {
    return new SourceDownloader(ctx.cacheDir(), ctx::transferProgress, null)
        .fetch(s, s.entity().className());
  }

  /**
   * The source {@code name} of {@code e} at {@code version}: the instance's row if it has one, else
   * LaminDB's default for that name with the version swapped into its URL.
   *
   * @param version null for the version the instance currently uses (else the default)
   * @throws InvalidArgumentException when {@code e} has no source of that name
   */
  SourceInfo namedSource(BiontyEntity e, String name, String version) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    List<Source> rows = sources().filter("entity", e.registryName()).filter("name", n).list();
    Source exact = null;
    Source current = null;
    for (Source r : rows) {
      if (version != null && version.equals(r.version())) {
        exact = r;
      }
      if (Boolean.TRUE.equals(r.currentlyUsed()) && current == null) {
        current = r;
      }
    }
    Source row = exact != null ? exact : version == null ? current : null;
    if (row != null) {
      return info(e, row);
    }
    SourceInfo base =
        rows.isEmpty()
            ? DefaultSources.of(e).stream().filter(s -> s.name().equals(n)).findFirst().orElse(null)
            : info(e, current != null ? current : rows.get(rows.size() - 1));
    if (base == null) {
      StringBuilder known = new StringBuilder();
      DefaultSources.of(e).stream()
          .map(SourceInfo::name)
          .distinct()
          .forEach(x -> known.append(known.length() == 0 ? "" : ", ").append(x));
      throw new InvalidArgumentException(
          "unknown source '"
              + name
              + "' for "
              + e.className()
              + "; known: "
              + known
              + " (register others with syncSources(ontology_info.json) or import a file)");
    }
    if (version == null || version.equals(base.version())) {
      return base;
    }
    String url = base.url() == null ? null : base.url().replace(base.version(), version);
    return new SourceInfo(
        e, base.name(), base.organism(), version, url, base.description(), base.website());
  }

  private static final java.util.regex.Pattern BIONTY_PARQUET =
      java.util.regex.Pattern.compile("^df_([^_]+)__[^_]+__.+__[A-Za-z]+\\.parquet$");

  /**
   * @return the organism a bionty parquet name tells ({@code df_rattus-norvegicus__...} → {@code
   *     rattus norvegicus}), else null; {@code all} counts as none
   */
  static String organismOfFile(Path file) {
    var m = BIONTY_PARQUET.matcher(file.getFileName().toString());
    if (!m.matches() || m.group(1).equals("all")) {
      return null;
    }
    return m.group(1).replace('-', ' ');
  }

  private static SourceInfo info(BiontyEntity e, Source r) {
    return new SourceInfo(
        e, r.name(), r.organism(), r.version(), r.url(), r.description(), r.sourceWebsite());
  }
}
