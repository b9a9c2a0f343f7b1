package org.lamindb.internal.lineage;

import java.nio.file.Path;

/**
 * What is running, as {@code track()} identifies it.
 *
 * @param kind transform kind: {@code script} (single-file Java, JShell, JBang, Groovy), {@code
 *     pipeline} (a jar or class main, Nextflow) or {@code function}
 * @param key the transform key, e.g. {@code create-fasta.java} or {@code org.example.Main}
 * @param path the source file, or null (jar/class programs, explicit keys)
 * @param sourceCode the unredacted source text, or null when there is none to store
 * @param hash the identity hash: of the source text, the jar or the class file; null when nothing
 *     identifies it
 * @param description a default description (e.g. {@code CLI: foo.java}), or null
 * @param cliArgs the program's arguments joined by spaces, or null
 * @param runtime what launched it, for the run's extra data ({@code java-source}, {@code jshell},
 *     {@code jar}, ...)
 */
public record Program(
    String kind,
    String key,
    Path path,
    String sourceCode,
    String hash,
    String description,
    String cliArgs,
    String runtime) {

  /**
   * @return a copy with another key
   */
  public Program withKey(String k) {
    return new Program(kind, k, path, sourceCode, hash, description, cliArgs, runtime);
  }

  /**
   * @return a copy with another kind
   */
  public Program withKind(String k) {
    return new Program(k, key, path, sourceCode, hash, description, cliArgs, runtime);
  }

  /**
   * @return a copy with another description
   */
  public Program withDescription(String d) {
    return new Program(kind, key, path, sourceCode, hash, d, cliArgs, runtime);
  }
}
