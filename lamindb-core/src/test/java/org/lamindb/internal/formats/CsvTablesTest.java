package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lamindb.ValidationException;
import org.lamindb.spi.FormatProvider.FormatInfo;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * CSV/TSV loading with pandas' header rules. Row counts are {@code wc -l} (after {@code zcat} for
 * .gz) minus the header line, minus leading '#' lines and trailing blank lines, counted by hand
 * with {@code grep -c}.
 */
class CsvTablesTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  private Table load(String name, String suffix) throws Exception {
    return provider
        .load(SharedTestData.formats().resolve("csv/" + name), suffix, Table.class)
        .orElseThrow();
  }

  @Test
  void shapesMatchLineCounts() throws Exception {
    assertThat(load("anndata_umi_tools.tsv.gz", ".tsv.gz").shape()).contains("22 rows X 3 cols");
    assertThat(load("cellxgene_genes_ercc.csv.gz", ".csv.gz").shape()).contains("91 rows X 5 cols");
    assertThat(load("cellxgene_genes_homo_sapiens.csv.gz", ".csv.gz").shape())
        .contains("78893 rows X 5 cols");
    assertThat(load("nfcore_rnaseq_samplesheet_test.csv", ".csv").shape())
        .contains("7 rows X 4 cols");
    assertThat(load("scanpy_10x-v1.2.0_hg19_chr21_barcodes.tsv", ".tsv").shape())
        .contains("11 rows X 1 cols");
    assertThat(load("scanpy_10x-v3.0.0_features.tsv.gz", ".tsv.gz").shape())
        .contains("506 rows X 3 cols");
    // 17 lines: 5 '#key=value' lines, header, 10 rows, one trailing blank line
    assertThat(
            load(
                    "nfcore_Chromium_Human_Transcriptome_Probe_Set_v1.1.0_GRCh38-2024-A.chr22.csv",
                    ".csv")
                .shape())
        .contains("10 rows X 6 cols");
  }

  @Test
  void headerCellsAreNamedAsPandasDoes() throws Exception {
    Table adata = load("anndata_adata.csv", ".csv");
    assertThat(adata.columnNames()).containsExactly("Unnamed: 0", "c1", "c2");
    assertThat(adata.stringColumn("Unnamed: 0").asList()).containsExactly("r1", "r2", "r3");
    // "1.0", "3.0", "5.0": floats, as pandas reads them
    assertThat(adata.column("c1").type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(adata.doubleColumn("c1").asList()).containsExactly(1.0, 3.0, 5.0);

    Table genes = load("scanpy_10x-v1.2.0_hg19_chr21_genes.tsv", ".tsv");
    assertThat(genes.columnNames()).containsExactly("DSCAM", "DSCAM.1");
    assertThat(genes.rowCount()).isEqualTo(342);

    Table sars = load("cellxgene_genes_sars_cov_2.csv.gz", ".csv.gz");
    assertThat(sars.columnNames().get(2)).isEqualTo("Unnamed: 2");
    assertThat(sars.column(2).countMissing()).isEqualTo(11);
    assertThat(sars.column(3).type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void pythonAndRBooleansAndFloatsAreInferred() throws Exception {
    // cut -d, -f5 | sort | uniq -c: 100 True / 665 False; 113 TRUE / 652 FALSE
    Table py = load("scanpy_cell_ranger_hvg.csv", ".csv");
    assertThat(py.column("highly_variable").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(py.booleanColumn("highly_variable").countTrue()).isEqualTo(100);
    assertThat(py.doubleColumn("means").get(0)).isEqualTo(0.5304635122844151);
    Table r = load("scanpy_seurat_hvg.csv", ".csv");
    assertThat(r.booleanColumn("highly_variable").countTrue()).isEqualTo(113);
    assertThat(r.stringColumn("Unnamed: 0").get(0)).isEqualTo("HES4");
    Table probes =
        load(
            "nfcore_Chromium_Human_Transcriptome_Probe_Set_v1.1.0_GRCh38-2024-A.chr22.csv", ".csv");
    assertThat(probes.column("included").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(probes.stringColumn("gene_id").get(0)).isEqualTo("ENSG00000198445");
  }

  @Test
  void singleFileTarGzArchivesLoadAsPandasDoes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new java.io.File("/bin/tar").canExecute() || new java.io.File("/usr/bin/tar").canExecute(),
        "the tar command is needed to build the archive");
    Path csv = dir.resolve("hvg.csv");
    java.nio.file.Files.copy(
        SharedTestData.formats().resolve("csv/scanpy_cell_ranger_hvg.csv"), csv);
    Path tgz = dir.resolve("hvg.csv.tar.gz");
    Process p =
        new ProcessBuilder("tar", "-czf", tgz.toString(), "-C", dir.toString(), "hvg.csv")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor()).isZero();
    assertThat(provider.canLoad(".csv.tar.gz")).isTrue();
    Table t = provider.load(tgz, ".csv.tar.gz", Table.class).orElseThrow();
    assertThat(t.shape()).contains("765 rows X 5 cols");
    assertThat(t.booleanColumn("highly_variable").countTrue()).isEqualTo(100);
    // a plain .csv.gz is not a tar archive
    Path gz = SharedTestData.formats().resolve("csv/cellxgene_genes_ercc.csv.gz");
    assertThatThrownBy(() -> provider.load(gz, ".csv.tar.gz", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tar");
  }

  @Test
  void missingValuesFollowPandas(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path f =
        java.nio.file.Files.writeString(
            dir.resolve("na.csv"), "seq,score\nMK*,1.5\nNone,NaN\n*,\nNA,2\n");
    Table t = provider.load(f, ".csv", Table.class).orElseThrow();
    assertThat(t.stringColumn("seq").get(0)).isEqualTo("MK*");
    assertThat(t.stringColumn("seq").get(2)).isEqualTo("*");
    assertThat(t.stringColumn("seq").isMissing(1)).isTrue();
    assertThat(t.stringColumn("seq").isMissing(3)).isTrue();
    assertThat(t.doubleColumn("score").countMissing()).isEqualTo(2);
  }

  @Test
  void sectionedSampleSheetIsNotAPlainCsv() {
    Path f = SharedTestData.formats().resolve("csv/nfcore_SampleSheet_illumina_bclconvert.csv");
    assertThatThrownBy(() -> provider.load(f, ".csv", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nfcore_SampleSheet_illumina_bclconvert.csv")
        .hasMessageContaining("fields");
  }

  @Test
  void inspectReadsOnlyTheHeaderAndLeavesObservationsUnset() throws Exception {
    FormatInfo info =
        provider
            .inspect(SharedTestData.formats().resolve("csv/anndata_umi_tools.tsv.gz"), ".tsv.gz")
            .orElseThrow();
    assertThat(info.otype()).isEqualTo("DataFrame");
    assertThat(info.nObservations()).isNull();
    assertThat(info.summary()).containsExactly("TSV: 3 columns", "columns: gene, cell, count");
  }
}
