package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.process.PersonVariables;
import org.vomcase.settings.VomProperties;

/**
 * "Contact started": lays the person (the variable {@code person}, a person of the case) out as the
 * variables the forms and gateways read, and sets the contact rules of the programme.
 */
@Component("contactPersonListener")
public class ContactPersonListener implements ExecutionListener {

  /** Weeks after which a person who could not be reached counts as not reachable (R6). */
  public static final int CONTACT_WEEKS = 6;

  private final int maxUnreachedCalls;

  public ContactPersonListener(VomProperties properties) {
    this.maxUnreachedCalls = properties.contact().maxUnreachedCalls();
  }

  @Override
  public void notify(DelegateExecution execution) {
    PersonVariables.layOut(execution);
    // Why the mediator may not call (a victim contacted in writing only): shown on the task that waits for the answer.
    ContactPolicy policy = Case.seenFrom(execution).contactPolicy(PERSON.from(execution), false);
    CONTACT_RESTRICTION.on(execution).setKnown(policy.calls() ? null : policy.why());
    CONTACT_DEADLINE.on(execution).set(CaseClock.now().plusWeeks(CONTACT_WEEKS).toOffsetDateTime());
    UNREACHED_CALLS.on(execution).set(0);
    MAX_UNREACHED_CALLS.on(execution).set(maxUnreachedCalls);
  }
}
