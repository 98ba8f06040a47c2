package org.vomcase.casefile;

import org.vomcase.access.CaseRegistry;

/**
 * A case that takes no document and no note: one the register does not know ({@link #unknown()}, answered as a case
 * that does not exist), or one whose personal data the retention deleted (R20; {@link #deleted()}, a conflict). A case
 * closed but still within its retention period takes them (the prosecutor's letter often comes after the closure).
 */
public final class CaseClosedToAdditions extends RuntimeException {

  private final boolean deleted;

  private CaseClosedToAdditions(boolean deleted, String message) {
    super(message);
    this.deleted = deleted;
  }

  /** Refuses a case the register does not know or whose personal data were deleted. */
  static void check(CaseRegistry registry, String caseNumber) {
    CaseRegistry.RegisteredCase registered = registry.find(caseNumber).orElseThrow(CaseClosedToAdditions::unknown);
    if (registered.deleted()) {
      throw deleted();
    }
  }

  static CaseClosedToAdditions unknown() {
    return new CaseClosedToAdditions(false, "No such case");
  }

  static CaseClosedToAdditions deleted() {
    return new CaseClosedToAdditions(true, "The case's personal data were deleted at the end of its retention period: it takes"
        + " no more documents or notes");
  }

  /** Whether the case exists and was deleted (else it is unknown). */
  public boolean isDeleted() {
    return deleted;
  }
}
