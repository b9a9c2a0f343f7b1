package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical and raw suffixes per spec §4.1. */
class SuffixesTest {

  @ParameterizedTest(name = "{0} -> canonical ''{1}'', raw ''{2}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "data.csv | .csv | .csv",
        "dir/sub/x.parquet | .parquet | .parquet",
        "UPPER.CSV | .csv | .csv",
        "archive.tar.gz | .tar.gz | .tar.gz",
        "pbmc.h5ad.tar.gz | .h5ad.tar.gz | .h5ad.tar.gz",
        "x.unknown.tar.gz | .tar.gz | .tar.gz",
        "table.csv.gz | .csv.gz | .csv.gz",
        "reads.fastq.bz2 | .fastq.bz2 | .fastq.bz2",
        "x.unknown.gz | .gz | .gz",
        "x.gz | .gz | .gz",
        "x.zst | .zst | .zst",
        "store.anndata.zarr | .anndata.zarr | .anndata.zarr",
        "store.anndata.zarr/ | .anndata.zarr | .anndata.zarr",
        "image.ome.zarr | .ome.zarr | .ome.zarr",
        "image.ome.h5 | .ome.h5 | .ome.h5",
        "image.ome.hdf5 | .ome.hdf5 | .ome.hdf5",
        "config.vitessce.json | .vitessce.json | .vitessce.json",
        "plain.zarr | .zarr | .zarr",
        "test.xyz | '' | .xyz",
        "v1.2.csv | .csv | .csv",
        "release.v1.2 | '' | .2",
        "no_suffix | '' | ''",
        "folder/ | '' | ''",
        ".bashrc | '' | ''",
        ".hidden.csv | .csv | .csv",
        "trailing. | '' | ''",
        "s3://bucket/key/sample.h5ad | .h5ad | .h5ad",
        "s3://bucket/key/sample.h5ad?versionId=3 | .h5ad | .h5ad",
        "model.safetensors | .safetensors | .safetensors",
        "genes.gtf.gz | .gtf.gz | .gtf.gz",
        "x.tar | .tar | .tar",
      })
  void extractsSuffixes(String name, String canonical, String raw) {
    assertThat(Suffixes.extract(name)).isEqualTo(new Suffixes.Suffix(canonical, raw));
    assertThat(Suffixes.canonical(name)).isEqualTo(canonical);
    assertThat(Suffixes.raw(name)).isEqualTo(raw);
  }

  @Test
  void knownListCoversSpecNamedFormats() {
    String named =
        ".csv .tsv .parquet .json .h5ad .h5mu .zarr .tiledb .tiledbsoma .fasta .fastq .bam .vcf .bed .gtf .fcs"
            + " .h5 .hdf5 .npy .npz .mtx .arrow .feather .pkl .pt .onnx .safetensors .yaml .yml .jsonl .ipynb"
            + " .txt .md .html .png .jpg .svg .pdf .zip .tar .db .sqlite .rds .orc .ipc .ndjson .gif";
    for (String s : named.trim().split(" ")) {
      assertThat(Suffixes.KNOWN).as(s).contains(s);
    }
    assertThat(Suffixes.KNOWN.size()).isGreaterThanOrEqualTo(232);
    assertThat(Suffixes.KNOWN).allMatch(s -> s.startsWith(".") && s.equals(s.toLowerCase()));
    assertThat(Suffixes.KNOWN).doesNotContainAnyElementsOf(Suffixes.ENCODINGS);
  }
}
