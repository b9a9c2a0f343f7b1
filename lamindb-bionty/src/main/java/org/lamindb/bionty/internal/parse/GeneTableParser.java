package org.lamindb.bionty.internal.parse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.bionty.GeneEntry;

/**
 * Streams gene tables: an Ensembl/GENCODE-style CSV (plain or gzip; without header the columns are
 * {@code ensembl_gene_id, symbol, gene_version, gene_length, gene_type}; with a header row, columns
 * are found by name) merged with an optional HGNC {@code hgnc_complete_set} TSV, whose {@code
 * alias_symbol} and {@code prev_symbol} become synonyms, {@code entrez_id} the NCBI gene id and
 * {@code name} the description.
 */
public final class GeneTableParser {

  /** HGNC facts for one Ensembl gene. */
  private record Hgnc(String name, List<String> synonyms, String entrezId) {}

  /**
   * Parses {@code genes} and hands every gene to {@code sink}.
   *
   * @param genes the Ensembl-style CSV
   * @param hgnc the HGNC complete set TSV, or null for no synonyms
   * @return the number of genes handed over
   */
  public long parse(Path genes, Path hgnc, Consumer<GeneEntry> sink) {
    Map<String, Hgnc> byEnsembl = hgnc == null ? Map.of() : readHgnc(hgnc);
    try (InputStream in = SourceFiles.open(genes)) {
      LineReader reader = new LineReader(in);
      int idCol = 0;
      int symbolCol = 1;
      int typeCol = 4;
      int descCol = -1;
      long n = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        long no = reader.lineNumber();
        List<String> cells = Delimited.split(line, ',', genes, no);
        if (no == 1 && cells.get(0).strip().equalsIgnoreCase("ensembl_gene_id")) {
          idCol = 0;
          symbolCol = cells.indexOf("symbol");
          typeCol = indexOfAny(cells, "biotype", "gene_type");
          descCol = cells.indexOf("description");
          continue;
        }
        if (!reader.lastLineTerminated()) {
          throw SourceFiles.error(
              genes,
              no,
              "the file ends in the middle of a line",
              "the file looks truncated; download it again");
        }
        if (cells.size() < 2) {
          throw SourceFiles.error(
              genes,
              no,
              "expected at least 2 comma-separated columns, found " + cells.size(),
              "columns are ensembl_gene_id, symbol, gene_version, gene_length, gene_type");
        }
        String id = stripVersion(cells.get(idCol).strip());
        if (id.isEmpty()) {
          throw SourceFiles.error(genes, no, "empty ensembl_gene_id", null);
        }
        String symbol = cell(cells, symbolCol);
        Hgnc h = byEnsembl.get(id);
        List<String> synonyms = h == null ? List.of() : withoutSymbol(h.synonyms(), symbol);
        List<String> ncbi = h == null || h.entrezId() == null ? List.of() : List.of(h.entrezId());
        String description = descCol >= 0 ? cell(cells, descCol) : h == null ? null : h.name();
        sink.accept(new GeneEntry(id, symbol, cell(cells, typeCol), description, ncbi, synonyms));
        n++;
      }
      return n;
    } catch (EOFException e) {
      throw SourceFiles.error(
          genes,
          0,
          "unexpected end of compressed data",
          "the file looks truncated; download it again");
    } catch (IOException e) {
      throw SourceFiles.ioError(genes, e);
    }
  }

  private static Map<String, Hgnc> readHgnc(Path file) {
    Map<String, Hgnc> map = new HashMap<>(65536);
    try (InputStream in = SourceFiles.open(file)) {
      LineReader reader = new LineReader(in);
      String header = reader.readLine();
      if (header == null) {
        throw SourceFiles.error(file, 1, "empty HGNC file", null);
      }
      List<String> cols = List.of(header.split("\t", -1));
      int symbol = required(cols, "symbol", file);
      int name = required(cols, "name", file);
      int alias = required(cols, "alias_symbol", file);
      int prev = required(cols, "prev_symbol", file);
      int entrez = required(cols, "entrez_id", file);
      int ensembl = required(cols, "ensembl_gene_id", file);
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length <= ensembl) {
          throw SourceFiles.error(
              file,
              reader.lineNumber(),
              "expected " + cols.size() + " tab-separated columns, found " + cells.length,
              "the file may be truncated");
        }
        String id = cells[ensembl].strip();
        if (id.isEmpty()) {
          continue;
        }
        Set<String> syn = new LinkedHashSet<>();
        addMulti(syn, cells[alias]);
        addMulti(syn, cells[prev]);
        syn.remove(cells[symbol]);
        String entrezId = unquote(cells[entrez]);
        map.putIfAbsent(
            id,
            new Hgnc(
                emptyToNull(unquote(cells[name])), new ArrayList<>(syn), emptyToNull(entrezId)));
      }
      return map;
    } catch (EOFException e) {
      throw SourceFiles.error(
          file,
          0,
          "unexpected end of compressed data",
          "the file looks truncated; download it again");
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  private static int required(List<String> cols, String name, Path file) {
    int i = cols.indexOf(name);
    if (i < 0) {
      throw SourceFiles.error(
          file,
          1,
          "missing column '" + name + "' in the HGNC header",
          "use hgnc_complete_set.txt from genenames.org");
    }
    return i;
  }

  private static void addMulti(Set<String> out, String cell) {
    String v = unquote(cell);
    if (v.isEmpty()) {
      return;
    }
    for (String s : v.split("\\|")) {
      String t = s.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static List<String> withoutSymbol(List<String> synonyms, String symbol) {
    if (symbol == null || !synonyms.contains(symbol)) {
      return synonyms;
    }
    List<String> out = new ArrayList<>(synonyms);
    out.remove(symbol);
    return out;
  }

  private static String stripVersion(String id) {
    int dot = id.indexOf('.');
    return dot > 0 && id.startsWith("ENS") ? id.substring(0, dot) : id;
  }

  private static String cell(List<String> cells, int i) {
    return i < 0 || i >= cells.size() ? null : emptyToNull(cells.get(i).strip());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static int indexOfAny(List<String> cells, String... names) {
    for (String n : names) {
      int i = cells.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }
}
