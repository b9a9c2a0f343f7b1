package org.lamindb.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical and raw suffixes of file names and keys (spec §4.1). The canonical suffix is what an
 * artifact stores in {@code suffix} ({@code ""} for unknown formats); the raw suffix is what
 * key/path consistency compares.
 *
 * <pre>{@code
 * Suffixes.extract("data/pbmc.h5ad.tar.gz")   // Suffix[canonical=.h5ad.tar.gz, raw=.h5ad.tar.gz]
 * Suffixes.extract("test.xyz")                // Suffix[canonical=, raw=.xyz]
 * }</pre>
 */
public final class Suffixes {

  /** Compression encodings that may follow a format suffix. */
  public static final Set<String> ENCODINGS = Set.of(".gz", ".bz2", ".xz", ".zst");

  /** Two-part suffixes that name one format. */
  public static final List<String> COMPOSITES =
      List.of(".anndata.zarr", ".vitessce.json", ".ome.zarr", ".ome.h5", ".ome.hdf5");

  /**
   * Known single-suffix formats: common media types plus data-science and bioinformatics formats.
   * Membership decides whether a suffix is canonical; an unknown suffix is kept only as the raw
   * suffix.
   */
  public static final Set<String> KNOWN = Set.of(knownFormats());

  private Suffixes() {}

  /**
   * Both suffixes of a name.
   *
   * @param canonical the suffix stored on an artifact, lower case, {@code ""} when the format is
   *     unknown
   * @param raw the suffix compared between a path and a key, lower case, {@code ""} when there is
   *     none
   */
  public record Suffix(String canonical, String raw) {}

  /**
   * Extracts canonical and raw suffix from the last segment of a path, URI or key.
   *
   * @param pathOrKey e.g. {@code /data/x.csv.gz}, {@code s3://b/k.ome.zarr/}, {@code folder/file}
   * @return the suffixes, both lower case
   */
  public static Suffix extract(String pathOrKey) {
    List<String> parts = suffixes(lastSegment(pathOrKey));
    int n = parts.size();
    if (n == 0) {
      return new Suffix("", "");
    }
    String last = parts.get(n - 1);
    if (n == 1) {
      return KNOWN.contains(last) || ENCODINGS.contains(last)
          ? new Suffix(last, last)
          : new Suffix("", last);
    }
    String lastTwo = parts.get(n - 2) + last;
    if (COMPOSITES.contains(lastTwo)) {
      return new Suffix(lastTwo, lastTwo);
    }
    if (KNOWN.contains(last)) {
      return new Suffix(last, last);
    }
    if (ENCODINGS.contains(last)) {
      String previous = parts.get(n - 2);
      String result;
      if (previous.equals(".tar")) {
        result =
            n >= 3 && KNOWN.contains(parts.get(n - 3)) && !parts.get(n - 3).equals(".tar")
                ? parts.get(n - 3) + lastTwo
                : lastTwo;
      } else if (KNOWN.contains(previous)) {
        result = lastTwo;
      } else {
        result = last;
      }
      return new Suffix(result, result);
    }
    return new Suffix("", last);
  }

  /**
   * @param pathOrKey a path, URI or key
   * @return its canonical suffix, {@code ""} when unknown
   */
  public static String canonical(String pathOrKey) {
    return extract(pathOrKey).canonical();
  }

  /**
   * @param pathOrKey a path, URI or key
   * @return its raw suffix, {@code ""} when there is none
   */
  public static String raw(String pathOrKey) {
    return extract(pathOrKey).raw();
  }

  /**
   * The suffixes of a file name like pathlib does: leading dots belong to the stem, a trailing dot
   * means none.
   */
  static List<String> suffixes(String name) {
    List<String> out = new ArrayList<>();
    if (name.isEmpty() || name.endsWith(".")) {
      return out;
    }
    int start = 0;
    while (start < name.length() && name.charAt(start) == '.') {
      start++;
    }
    String[] pieces = name.substring(start).split("\\.", -1);
    for (int i = 1; i < pieces.length; i++) {
      out.add("." + pieces[i].toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String lastSegment(String pathOrKey) {
    String s = pathOrKey;
    int query = s.indexOf('?');
    if (s.contains("://") && query >= 0) {
      s = s.substring(0, query);
    }
    while (s.endsWith("/") || s.endsWith("\\")) {
      s = s.substring(0, s.length() - 1);
    }
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  private static String[] knownFormats() {
    String formats =
        // tables and data frames
        ".csv .tsv .tab .txt .parquet .pq .feather .arrow .ipc .orc .avro .xlsx .xls .ods .dta .sav .sas7bdat "
            + ".json .jsonl .ndjson .geojson .yaml .yml .toml .xml .ini .cfg .conf .properties "
            // arrays, single-cell and hierarchical stores
            + ".h5ad .h5mu .zarr .zarr2 .zarr3 .tiledb .tiledbsoma .h5 .hdf5 .hdf .he5 .nc .cdf .n5 .loom .mtx "
            + ".npy .npz .mat .rds .rda .rdata .spatialdata .tif .tiff .czi .nd2 .lif .lsm .ims .oib .oif "
            + ".svs .ndpi .scn .mrxs .vsi .dcm .nii .mgh .mrc .sdt .fcs .lmd .wsp "
            // sequences, alignments, variants, annotations
            + ".fasta .fa .fna .ffn .faa .frn .fas .fastq .fq .sam .bam .bai .cram .crai .csi .sra .vcf .bcf "
            + ".tbi .gvcf .maf .bed .bedpe .bedgraph .bw .bigwig .bb .bigbed .gtf .gff .gff3 .gb .gbk .embl "
            + ".genbank .sff .fast5 .pod5 .slow5 .blow5 .ab1 .scf .2bit .nib .psl .wig .narrowpeak .broadpeak "
            + ".pdb .cif .mmcif .pdbqt .mol .mol2 .sdf .smi .gro .xtc .dcd .trr .nex .nwk .newick .phy "
            + ".aln .sto .a3m .hmm .mzml .mzxml .mgf .raw .wiff .idat .cel .chp .gct .gmt .pep .loc .fai .dict "
            // models and serialized objects
            + ".pkl .pickle .joblib .pt .pth .ckpt .onnx .safetensors .pb .tflite .keras .gguf .bin .model "
            // notebooks, code, documents
            + ".ipynb .py .r .rmd .qmd .jl .sh .bash .zsh .nf .smk .wdl .cwl .java .kt .scala .sql .js .mjs .ts "
            + ".css .html .htm .md .markdown .rst .tex .bib .rtf .pdf .doc .docx .ppt .pptx .odt .odp .epub "
            + ".c .h .cpp .hpp .go .rs .log .srt .vtt .eml .ics .vcard .ps .eps .ai "
            // images, audio, video
            + ".png .jpg .jpeg .jpe .gif .bmp .svg .webp .ico .heic .heif .avif .jp2 .exr .pbm .pgm .ppm .pnm "
            + ".mp3 .wav .flac .ogg .opus .aac .m4a .aif .aiff .mp4 .m4v .mov .avi .mkv .webm .mpeg .mpg .wmv "
            // archives, databases, misc containers
            + ".zip .tar .tgz .7z .rar .jar .whl .db .sqlite .sqlite3 .duckdb .lance .delta .iceberg "
            + ".vitessce";
    return formats.trim().split("\\s+");
  }
}
