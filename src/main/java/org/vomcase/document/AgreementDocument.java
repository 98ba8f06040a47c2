package org.vomcase.document;

import java.util.List;
import java.util.Map;

/**
 * The agreement document (R14) in words: the case, the parties, every item with its instalment plan
 * and due dates, and a signature line for each party and guardian. Content keys: {@code caseNumber},
 * {@code programme}, {@code parties} (lines), {@code items} (lines), {@code instalmentPlan} (lines),
 * {@code signatories} (lines).
 */
public final class AgreementDocument {

  public static final String NAME = "agreement";

  private AgreementDocument() {}

  public static String render(Map<String, Object> content) {
    StringBuilder text = new StringBuilder();
    text.append("MEDIATION AGREEMENT\n").append("Case ").append(content.get("caseNumber")).append('\n');
    if (content.get("programme") != null) {
      text.append(content.get("programme")).append('\n');
    }
    section(text, "Parties", content.get("parties"));
    section(text, "The parties agree", content.get("items"));
    section(text, "Instalments and due dates", content.get("instalmentPlan"));
    text.append("\nThis agreement is confidential. It goes to the referring authority only if every party consents.\n");
    text.append("\nSignatures\n");
    for (Object signatory : lines(content.get("signatories"))) {
      text.append("\n\n____________________________________   Date: ____________\n").append(signatory).append('\n');
    }
    return text.toString();
  }

  private static void section(StringBuilder text, String title, Object lines) {
    List<?> list = lines(lines);
    if (list.isEmpty()) {
      return;
    }
    text.append('\n').append(title).append('\n');
    for (Object line : list) {
      text.append("  - ").append(line).append('\n');
    }
  }

  private static List<?> lines(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
