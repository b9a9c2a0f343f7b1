package org.lamindb.model;

import java.util.List;

/**
 * Instance-wide access to notes ({@code ln.notes()}): full-text search (SQLite FTS5, PostgreSQL
 * {@code tsvector}) over latest readmes and comments of entities outside the trash, and the newest
 * notes. {@code ln.notes().search("p53 knockout")} finds notes containing every word.
 */
public interface NoteSearch {
  /**
   * @param text words that must all occur (case-insensitive, whole words)
   * @return matching notes, best first, at most 100
   * @throws org.lamindb.InvalidArgumentException when {@code text} has no word
   */
  default List<Note> search(String text) {
    return search(text, 100);
  }

  /**
   * @param text words that must all occur
   * @param limit maximal number of results
   * @return matching notes, best first
   */
  List<Note> search(String text, int limit);

  /**
   * @param limit maximal number of results
   * @return the newest latest readmes and comments, newest first
   */
  List<Note> recent(int limit);
}
