package org.vomcase.document;

/**
 * The agreement document (R14): a PDF from the template {@code documents/agreement.<language>.html}
 * (see {@link org.vomcase.document.Templates}). Its content: {@code caseNumber}, {@code programme},
 * {@code parties} (name, role), {@code items} and {@code instalmentPlan} (kind, amount, instalments,
 * hours, debtor, creditor, dueDate, description), {@code hasInstalments}, and {@code signatories}
 * (name, guardianOf): a signature line each.
 */
public final class AgreementDocument {

  public static final String NAME = "agreement";

  private AgreementDocument() {}
}
