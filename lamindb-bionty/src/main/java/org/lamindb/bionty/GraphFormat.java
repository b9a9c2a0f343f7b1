package org.lamindb.bionty;

/** Text formats for hierarchy graphs ({@code viewParents}). */
public enum GraphFormat {
  /** Graphviz DOT; render with {@code dot -Tsvg}. */
  DOT,
  /** Mermaid flowchart, rendered by GitHub, GitLab and most Markdown viewers. */
  MERMAID
}
