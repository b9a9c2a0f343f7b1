package org.lamindb.model;

import java.util.List;
import java.util.Optional;

/**
 * The markdown notes of one saved entity (artifact, collection, transform, run, record, project):
 * its readme (versioned) and comments.
 *
 * <pre>{@code
 * artifact.notes().setReadme("# QC\nAll samples passed.");
 * artifact.notes().comment("re-run with the new reference");
 * artifact.notes().readme().map(Note::content);    // the latest readme
 * artifact.notes().list();                           // readme versions and comments, oldest first
 * }</pre>
 */
public interface Notes {
  /**
   * @return the latest readme, if any
   */
  Optional<Note> readme();

  /**
   * Sets the readme: a new version that revises the latest one (same uid stem, next suffix); the
   * same content as the latest returns it unchanged.
   *
   * @param markdown the new content
   * @return the latest readme
   * @throws org.lamindb.InvalidArgumentException when the entity is not saved
   */
  Note setReadme(String markdown);

  /**
   * Adds a comment (comments are not versioned).
   *
   * @param markdown the comment, not blank
   * @return the saved comment
   */
  Note comment(String markdown);

  /**
   * @return every note of this entity, readme versions and comments, oldest first
   */
  List<Note> list();
}
