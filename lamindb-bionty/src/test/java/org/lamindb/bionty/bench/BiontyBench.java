package org.lamindb.bionty.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.internal.parse.ConvertedOntologies;
import org.lamindb.bionty.internal.parse.GeneTableParser;
import org.lamindb.testing.Backend;

/**
 * End-to-end benchmarks of the bionty module, printed with machine info (no asserts):
 *
 * <ul>
 *   <li>P7a: import MONDO (cellxgene JSON, 26,264 kept terms) into a fresh SQLite instance;
 *   <li>P7b: import the human gene table (78,894 genes) with HGNC synonyms;
 *   <li>parse-only times of both (no database);
 *   <li>P6: validate 30,000 Ensembl ids (organism inferred) against the imported genes, cold and
 *       warm;
 *   <li>OWL and OBO Graph JSON: cl-basic.obo as OWL RDF/XML (written by OWL API) and OBO Graph JSON
 *       (written by obographs), parse-only times of the three formats and the import of the OWL
 *       file.
 * </ul>
 *
 * Run with {@code bench/bionty/run.sh [sqlite|postgres]}; args: backend, shared ontology folder.
 */
public final class BiontyBench {
  private BiontyBench() {}

  /**
   * @param args {@code [sqlite|postgres] <ontology folder>}
   */
  public static void main(String[] args) throws Exception {
    Backend backend =
        args.length > 0 && args[0].equalsIgnoreCase("postgres") ? Backend.POSTGRES : Backend.SQLITE;
    Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/ontologies");
    Path mondo = data.resolve("MONDO-ontology-v2025-05-06.json");
    Path genes = data.resolve("genes_homo_sapiens.csv.gz");
    Path hgnc = data.resolve("hgnc_complete_set.txt.gz");
    machineInfo(backend);

    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      long[] n = {0};
      OntologyFiles.readTerms(mondo, BiontyEntity.DISEASE, null, t -> n[0]++);
      long t1 = System.nanoTime();
      long g = new GeneTableParser().parse(genes, hgnc, x -> {});
      long t2 = System.nanoTime();
      System.out.printf(
          "parse only (run %d): MONDO JSON %d terms %d ms | human genes+HGNC %d genes %d ms%n",
          i + 1, n[0], (t1 - t0) / 1_000_000, g, (t2 - t1) / 1_000_000);
    }

    Path clObo = data.resolve("cl-basic.obo");
    Path clOwl = ConvertedOntologies.rdfXml(clObo);
    Path clJson = ConvertedOntologies.oboGraphJson(clObo);
    System.out.printf(
        "cl-basic: OBO %,d bytes, OWL RDF/XML %,d bytes, OBO Graph JSON %,d bytes%n",
        Files.size(clObo), Files.size(clOwl), Files.size(clJson));
    for (int i = 0; i < 3; i++) {
      long[] ms = new long[3];
      long[] kept = new long[3];
      Path[] files = {clObo, clOwl, clJson};
      for (int f = 0; f < 3; f++) {
        long t0 = System.nanoTime();
        kept[f] = OntologyFiles.readTerms(files[f], BiontyEntity.CELL_TYPE, null, t -> {}).kept();
        ms[f] = (System.nanoTime() - t0) / 1_000_000;
      }
      System.out.printf(
          "parse only (run %d): cl-basic OBO %d terms %d ms | OWL (OWL API load + stream) %d terms"
              + " %d ms | OBO Graph JSON %d terms %d ms%n",
          i + 1, kept[0], ms[0], kept[1], ms[1], kept[2], ms[2]);
    }

    Path tmp = Files.createTempDirectory("bionty-bench");
    try {
      try (LaminDB ln =
          Backend.setup(tmp)
              .init(backend.options(tmp.resolve("storage"), "bench").modules("bionty"))) {
        Bionty bt = ln.module(Bionty.class);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        ImportReport m = bt.diseases().importSource(mondo);
        System.out.printf(
            "P7 import MONDO JSON (%s): %d records, %d links in %d ms wall, %d ms CPU of the"
                + " importing thread (target <= 3000 ms)%n",
            backend,
            m.inserted(),
            m.parentLinks(),
            (System.nanoTime() - t0) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
        t0 = System.nanoTime();
        c0 = cpu.getCurrentThreadCpuTime();
        ImportReport g = bt.genes().importSource(genes, hgnc, "human");
        System.out.printf(
            "P7 import human genes + HGNC (%s): %d records in %d ms wall, %d ms CPU of the"
                + " importing thread (target <= 3000 ms)%n",
            backend,
            g.inserted(),
            (System.nanoTime() - t0) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);

        t0 = System.nanoTime();
        c0 = cpu.getCurrentThreadCpuTime();
        ImportReport owl = bt.cellTypes().importSource(clOwl);
        System.out.printf(
            "import cl-basic OWL (%s): %d records, %d links in %d ms wall, %d ms CPU of the"
                + " importing thread%n",
            backend,
            owl.inserted(),
            owl.parentLinks(),
            (System.nanoTime() - t0) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);

        List<String> ids = sampleIds(genes, 30_000);
        for (int i = 0; i < 6; i++) {
          long s = System.nanoTime();
          long c = cpu.getCurrentThreadCpuTime();
          boolean[] ok = bt.genes().validate(ids, "ensembl_gene_id");
          long us = (System.nanoTime() - s) / 1_000;
          long cpuUs = (cpu.getCurrentThreadCpuTime() - c) / 1_000;
          int valid = 0;
          for (boolean b : ok) {
            valid += b ? 1 : 0;
          }
          System.out.printf(
              "P6 validate 30,000 Ensembl ids (%s, %s): %d valid, %.1f ms wall, %.1f ms CPU%s%n",
              backend,
              i == 0 ? "cold" : "warm",
              valid,
              us / 1000.0,
              cpuUs / 1000.0,
              i == 0 ? "" : " (target <= 50 ms)");
        }
        long s = System.nanoTime();
        bt.diseases().search("diabetes mellitus", 20);
        System.out.printf(
            "search 'diabetes mellitus' over %d diseases: %.1f ms (first call)%n",
            m.inserted(), (System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        bt.diseases().search("diabetes mellitus", 20);
        System.out.printf(
            "search 'diabetes mellitus' again: %.1f ms%n", (System.nanoTime() - s) / 1e6);
      }
    } finally {
      deleteRecursively(tmp);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<String> sampleIds(Path genes, int n) {
    List<String> all = new ArrayList<>();
    new GeneTableParser().parse(genes, null, g -> all.add(g.ensemblGeneId()));
    Collections.shuffle(all, new Random(42));
    List<String> out = new ArrayList<>(all.subList(0, n - 100));
    for (int i = 0; i < 100; i++) {
      out.add(String.format("ENSG9%010d", i)); // 100 ids that do not exist
    }
    return out;
  }

  private static void machineInfo(Backend backend) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "machine: %s %s, %d cpus, max heap %d MiB; java %s (%s); os %s %s; backend %s%n",
        System.getProperty("os.arch"),
        cpuModel(),
        rt.availableProcessors(),
        rt.maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        backend);
    System.out.println("jvm args: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(
        "load average at start: %.2f (wall times on a shared machine vary with it)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
