package org.vomcase.process.referral;

import static org.vomcase.kernel.CaseVariables.MANDATE_AUTHORITY_ADDRESS;
import static org.vomcase.kernel.CaseVariables.MANDATE_AUTHORITY_EMAIL;
import static org.vomcase.kernel.CaseVariables.MANDATE_AUTHORITY_NAME;
import static org.vomcase.kernel.CaseVariables.MANDATE_DATE;
import static org.vomcase.kernel.CaseVariables.MANDATE_ISSUER;
import static org.vomcase.kernel.CaseVariables.MANDATE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Record the mandate": a granted or refused mandate names who decided and when (R2). A granted mandate names the
 * authority that gave it and where it receives reports; the case register records it as the referrer of record, so
 * that every report of the case goes to the authority whose proceedings it serves, not to the self-referrer.
 */
@Component("mandateListener")
public class MandateListener implements TaskListener {

  private final CaseRegistry registry;

  public MandateListener(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, MANDATE_OUTCOME, Vocabulary.MANDATE_OUTCOMES);
    if ("referral_withdrawn".equals(outcome)) {
      return;
    }
    TaskInput.required(task, MANDATE_ISSUER, Vocabulary.MANDATE_ISSUERS);
    TaskInput.pastDate(task, MANDATE_DATE);
    if ("granted".equals(outcome) && formAsksForTheAuthority(task)) {
      CaseRegistry.Authority authority = authority(task);
      String caseNumber = task.getExecution().getProcessBusinessKey();
      if (registry != null && caseNumber != null) {
        registry.recordMandateAuthority(caseNumber, authority);
      }
    }
  }

  /**
   * Whether the task's form (bound to the case's own deployment) asks for the authority: a case that waited for its mandate
   * before the form did (record-mandate 1.0.0) is granted as before, its reports going to the referrer of its registration.
   * A form that cannot be read asks for it.
   */
  static boolean formAsksForTheAuthority(DelegateTask task) {
    try {
      return org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(() -> {
        try (java.io.InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
          return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .contains("\"" + MANDATE_AUTHORITY_NAME.name() + "\"");
        }
      });
    } catch (RuntimeException unreadable) {
      return true;
    }
  }

  /** The authority that gave the mandate: its name, and an email or a postal address (or both) for its reports. */
  static CaseRegistry.Authority authority(DelegateTask task) {
    InputCheck check = InputCheck.failFirst();
    String name = check.plain(MANDATE_AUTHORITY_NAME.name(),
        check.text(MANDATE_AUTHORITY_NAME.name(), task.getVariable(MANDATE_AUTHORITY_NAME.name()), 2, 200, true), false);
    String email = check.email(MANDATE_AUTHORITY_EMAIL.name(), trimmed(task.getVariable(MANDATE_AUTHORITY_EMAIL.name())),
        false);
    Object given = task.getVariable(MANDATE_AUTHORITY_ADDRESS.name());
    String address = InputCheck.present(given) ? check.plain(MANDATE_AUTHORITY_ADDRESS.name(),
        check.text(MANDATE_AUTHORITY_ADDRESS.name(), given, 5, 500, true), true) : null;
    if (email == null && address == null) {
      check.refuse(MANDATE_AUTHORITY_EMAIL.name(), "error.mandate.emailOrAddress");
    }
    return new CaseRegistry.Authority(name.trim(), email, address == null ? null : address.trim());
  }

  private static Object trimmed(Object value) {
    return value instanceof String text ? (text.isBlank() ? null : text.trim()) : value;
  }
}
