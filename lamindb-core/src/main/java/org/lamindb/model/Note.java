package org.lamindb.model;

import java.time.OffsetDateTime;

/**
 * A markdown note attached to an entity (LaminDB's attached {@code Block}): a {@code readme}
 * (versioned: a new content revises the latest) or a {@code comment}.
 *
 * @param uid 20 characters: a 16-character stem shared by a readme's versions + 4-character suffix
 * @param kind {@code readme} or {@code comment}
 * @param content the markdown
 * @param hash LaminDB's content hash (md5, base64url, 22 characters)
 * @param isLatest whether this is the latest version of its readme (comments: always true)
 * @param createdAt creation time
 * @param createdBy handle of the user who wrote it
 * @param host the registry it is attached to: {@code artifact}, {@code collection}, {@code
 *     transform}, {@code run}, {@code record} or {@code project}
 * @param hostUid uid of the entity it is attached to
 */
public record Note(
    String uid,
    String kind,
    String content,
    String hash,
    boolean isLatest,
    OffsetDateTime createdAt,
    String createdBy,
    String host,
    String hostUid) {

  /** Kind of a versioned readme. */
  public static final String README = "readme";

  /** Kind of a comment. */
  public static final String COMMENT = "comment";
}
