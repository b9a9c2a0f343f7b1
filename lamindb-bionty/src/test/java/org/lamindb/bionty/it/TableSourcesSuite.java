package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.model.CellMarker;
import org.lamindb.bionty.model.Gene;
import org.lamindb.bionty.model.Organism;
import org.lamindb.bionty.model.Protein;
import org.lamindb.bionty.model.Source;
import org.lamindb.query.QuerySet;
import org.lamindb.testing.Backend;

/**
 * Table-shaped sources (bionty parquet, CSV, Ensembl species TSV) for Gene, Protein, CellMarker and
 * Organism; the parquet files are written by DuckDB, on every backend by a subclass.
 */
abstract class TableSourcesSuite {
  @TempDir Path tmp;
  LaminDB ln;
  Bionty bt;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    bt = ln.module(Bionty.class);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void geneParquetBuiltFromTheGencodeTableImportsEveryGene() throws Exception {
    Path parquet = tmp.resolve("df_human__ensembl__release-114__Gene.parquet");
    duck(
        "COPY (SELECT column0 AS ensembl_gene_id, column1 AS symbol, column4 AS biotype,"
            + " [column1 || '-alias'] AS synonyms FROM read_csv('"
            + SharedData.file("genes_homo_sapiens.csv.gz")
            + "', header = false)) TO '"
            + parquet
            + "' (FORMAT parquet)");
    ImportReport r = bt.genes().importSource(parquet);
    // zcat genes_homo_sapiens.csv.gz | cut -d, -f1 | sort -u | wc -l -> 78894
    assertThat(r.inserted()).isEqualTo(78894);
    Gene g = QuerySet.of(ln, Gene.class).filter("ensembl_gene_id", "ENSG00000081059").one();
    assertThat(g.uid()).isEqualTo("7IkHKPl0ScQRSB"); // spec fixed vector
    assertThat(g.symbol()).isEqualTo("TCF7");
    assertThat(g.synonyms()).containsExactly("TCF7-alias");
    // grep -c ',protein_coding$' -> 20120
    assertThat(QuerySet.of(ln, Gene.class).filter("biotype", "protein_coding").count())
        .isEqualTo(20120);
    Source s =
        bt.sources()
            .filter("entity", "bionty.Gene")
            .filter("organism", "human")
            .filter("version", "release-114")
            .one();
    assertThat(s.inDb()).isTrue();
    assertThat(
            bt.genes().validate(List.of("ENSG00000081059", "ENSG99999999999"), "ensembl_gene_id"))
        .containsExactly(true, false);
  }

  @Test
  void proteinParquetTakesTheOrganismFromItsNameAndUpdatesInPlace() throws Exception {
    Path parquet = tmp.resolve("df_mouse__uniprot__2026-01__Protein.parquet");
    writeProteins(parquet, "Breast cancer type 1 susceptibility protein homolog");
    ImportReport r = bt.proteins().importSource(parquet);
    assertThat(r.inserted()).isEqualTo(2);
    Protein p = QuerySet.of(ln, Protein.class).filter("uniprotkb_id", "P48754").one();
    assertThat(p.name()).isEqualTo("Breast cancer type 1 susceptibility protein homolog");
    assertThat(p.get("length")).isIn(1812, 1812L);
    assertThat(p.get("ensembl_gene_ids")).isEqualTo("ENSMUSG00000017146|ENSMUSG00000999999");
    assertThat(p.get("gene_symbol")).isEqualTo("Brca1");
    Organism mouse = bt.organism("mouse");
    assertThat(((Number) p.get("organism_id")).longValue()).isEqualTo(mouse.id());
    assertThat(p.uid()).hasSize(14);

    writeProteins(parquet, "BRCA1 (renamed)");
    ImportReport again = bt.proteins().importSource(parquet);
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isEqualTo(2);
    Protein after = QuerySet.of(ln, Protein.class).filter("uniprotkb_id", "P48754").one();
    assertThat(after.id()).isEqualTo(p.id());
    assertThat(after.uid()).isEqualTo(p.uid());
    assertThat(after.name()).isEqualTo("BRCA1 (renamed)");
    assertThat(QuerySet.of(ln, Protein.class).count()).isEqualTo(2);
  }

  @Test
  void proteinsNeedAnOrganism() throws Exception {
    Path parquet = tmp.resolve("proteins.parquet");
    writeProteins(parquet, "x");
    assertThatThrownBy(() -> bt.proteins().importSource(parquet))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(
            "`organism` is required to import Protein records from proteins.parquet");
    assertThat(QuerySet.of(ln, Protein.class).count()).isZero();
  }

  @Test
  void cellMarkerCsvWithAnExplicitOrganism() throws IOException {
    Path csv = tmp.resolve("markers.csv");
    Files.writeString(
        csv,
        "name,gene_symbol,ncbi_gene_id,uniprotkb_id,synonyms\n"
            + "test,TEST1,1,P00001,\n"
            + "CD4,CD4,920,P01730,T-cell surface antigen T4\n");
    ImportReport r = bt.cellMarkers().importSource(csv, "cellmarker", "2.0", "human");
    assertThat(r.inserted()).isEqualTo(2);
    CellMarker m = QuerySet.of(ln, CellMarker.class).filter("name", "test").one();
    assertThat(m.uid()).isEqualTo("2dZ52W9noUDKVE"); // spec fixed vector CellMarker(test, human)
    CellMarker cd4 = QuerySet.of(ln, CellMarker.class).filter("name", "CD4").one();
    assertThat(cd4.get("ncbi_gene_id")).isEqualTo("920");
    assertThat(cd4.synonyms()).containsExactly("T-cell surface antigen T4");
    assertThat(bt.cellMarkers().validate(List.of("CD4", "cd4"))).containsExactly(true, false);
  }

  @Test
  void ensemblSpeciesTableBecomesOrganisms() throws IOException {
    Organism human = bt.organism("human");
    Path tsv = tmp.resolve("species_EnsemblVertebrates.txt");
    // the header and column order of Ensembl's species_EnsemblVertebrates.txt
    Files.writeString(
        tsv,
        "#name\tspecies\tdivision\ttaxonomy_id\tassembly\tassembly_accession\tgenebuild\n"
            + "Human\thomo_sapiens\tEnsemblVertebrates\t9606\tGRCh38.p14\tGCA_000001405.29\t2014-01\n"
            + "Mouse\tmus_musculus\tEnsemblVertebrates\t10090\tGRCm39\tGCA_000001635.9\t2020-08\n"
            + "Zebrafish\tdanio_rerio\tEnsemblVertebrates\t7955\tGRCz11\tGCA_000002035.4\t2018-04\n");
    ImportReport r = bt.organisms().importSource(tsv, "ensembl", "release-114", null);
    assertThat(r.inserted()).isEqualTo(2);
    assertThat(r.updated()).isEqualTo(1);
    Organism h = QuerySet.of(ln, Organism.class).filter("name", "human").one();
    assertThat(h.id()).isEqualTo(human.id());
    assertThat(h.uid()).isEqualTo("1dpCL6TduFJ3AP"); // spec fixed vector Organism(NCBITaxon:9606)
    Organism z = QuerySet.of(ln, Organism.class).filter("ontology_id", "NCBITaxon:7955").one();
    assertThat(z.name()).isEqualTo("zebrafish");
    assertThat(z.get("scientific_name")).isEqualTo("danio_rerio");
  }

  @Test
  void tablesWithoutTheKeyColumnOrAKeyValueImportNothing() throws Exception {
    Path noKey = tmp.resolve("df_human__uniprot__2026-01__Protein.parquet");
    duck("COPY (SELECT 'x' AS name, 10 AS length) TO '" + noKey + "' (FORMAT parquet)");
    assertThatThrownBy(() -> bt.proteins().importSource(noKey))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Protein table needs a column uniprotkb_id");
    Path missingValue = tmp.resolve("markers.csv");
    Files.writeString(missingValue, "name,gene_symbol\nCD4,CD4\n,CD8A\n");
    assertThatThrownBy(
            () -> bt.cellMarkers().importSource(missingValue, "cellmarker", "2.0", "human"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("row 2 has no name");
    assertThat(QuerySet.of(ln, CellMarker.class).count()).isZero();
    assertThat(QuerySet.of(ln, Protein.class).count()).isZero();
    assertThat(bt.sources().filter("entity", "bionty.CellMarker").filter("in_db", true).count())
        .isZero();
    Path truncated = tmp.resolve("df_human__uniprot__2026-01__Protein2.parquet");
    Files.write(truncated, new byte[] {'P', 'A', 'R', '1', 0, 0});
    assertThatThrownBy(() -> bt.proteins().importSource(truncated, null, null, "human"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot read the table");
  }

  private void writeProteins(Path parquet, String brca1Name) throws SQLException {
    duck(
        "COPY (SELECT * FROM (VALUES ('P48754', '"
            + brca1Name.replace("'", "''")
            + "', 1812, 'Brca1', ['ENSMUSG00000017146', 'ENSMUSG00000999999']),"
            + " ('P97929', 'Breast cancer type 2 susceptibility protein homolog', 3329, 'Brca2',"
            + " ['ENSMUSG00000041147'])) t(uniprotkb_id, name, length, gene_symbol,"
            + " ensembl_gene_ids)) TO '"
            + parquet
            + "' (FORMAT parquet)");
  }

  private static void duck(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
