package org.vomcase.document;

/**
 * The agreement document (R14): a PDF from the template {@code documents/agreement.<language>.html}
 * (see {@link org.vomcase.document.Templates}). Its content: {@code caseNumber}, {@code programme},
 * {@code parties} (name, role), {@code items} and {@code instalmentPlan} (kind, amount, instalments,
 * hours, debtor, creditor, dueDate, description), {@code hasInstalments}, and {@code signatories}
 * (name, guardianOf): a signature line each; {@code languages}: the parties' preferred languages.
 *
 * <p>The agreement is made in the programme's language, the binding version; for each party's language that has an
 * agreement template of its own ({@code documents/agreement.<language>.html}, built in or the administrators'), also a
 * translation, kept with it ({@code agreement-<case>-<language>.pdf}) and attached for that party. The translation
 * shows {@code translation.bindingLanguage} (which version binds, named in the translation's language), the binding
 * version {@code translated.languages} (the translations, named in the programme's language).
 */
public final class AgreementDocument {

  public static final String NAME = "agreement";

  /** The content's list of the parties' preferred languages: the agreement's translations are made for them. */
  public static final String LANGUAGES = "languages";

  private AgreementDocument() {}
}
