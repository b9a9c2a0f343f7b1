package org.lamindb;

/**
 * Root of every error lamindb-java raises on purpose. It is unchecked: callers catch the specific
 * subclass they can handle. Messages say what was wrong, the offending value, and what to do next.
 *
 * <p>What to do next can depend on who reads it: a {@link Hint} holds the advice for Java callers
 * (part of {@link #getMessage()}) and the same advice as a {@code lamin} command for the command
 * line, which prints {@link #problem()} with {@link Hint#cli()} instead.
 */
public class LaminException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private Hint hint;

  /**
   * What to do next, for Java callers and for command-line users.
   *
   * @param java advice in terms of the Java API, e.g. {@code create it: ln.feature("x",
   *     Dtype.FLOAT).save()}
   * @param cli the same advice as a command, e.g. {@code create it: lamin create feature x --dtype
   *     float}; null when there is no command for it (the Java advice is then not shown either)
   */
  public record Hint(String java, String cli) implements java.io.Serializable {}

  /**
   * @param message what was wrong, the value, and what to do
   */
  public LaminException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public LaminException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Attaches advice that depends on the reader.
   *
   * @param hint the advice
   * @param <E> this exception's type
   * @return this exception
   */
  @SuppressWarnings("unchecked")
  public final <E extends LaminException> E withHint(Hint hint) {
    this.hint = hint;
    return (E) this;
  }

  /**
   * @return the advice attached with {@link #withHint}, if any
   */
  public final java.util.Optional<Hint> hint() {
    return java.util.Optional.ofNullable(hint);
  }

  /**
   * @return what was wrong, without reader-specific advice
   */
  public final String problem() {
    return super.getMessage();
  }

  /**
   * @return {@link #problem()} followed by the Java advice of the hint, if any
   */
  @Override
  public String getMessage() {
    return hint == null || hint.java() == null ? problem() : problem() + hint.java();
  }

  /**
   * @return {@link #problem()} followed by the command-line advice of the hint, if any
   */
  public final String cliMessage() {
    return hint == null || hint.cli() == null ? problem() : problem() + hint.cli();
  }
}
