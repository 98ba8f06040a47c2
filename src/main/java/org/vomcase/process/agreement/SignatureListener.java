package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Owed;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Record signatures and consent to share" (R14, R15, R7; issue 17): everyone signed, some did not, or the agreement is
 * not concluded. Each offender's agreement stands on its own: when some did not sign, the items whose offender and
 * victim both signed (with the guardian of each minor among them) stand, the others are dropped and the parts of those
 * who did not sign end ({@code partsEnded}); the case goes on for the others. The referrer receives the agreement only
 * when every party whose agreement stands consented ({@code shareAgreementWithReferrer}). Not signing needs the reason.
 */
@Component("signatureListener")
public class SignatureListener implements TaskListener {

  public static final String ALL_SIGNED = "all_signed";
  public static final String SOME_SIGNED = "some_signed";
  public static final String NOT_SIGNED = "not_signed";

  private final AgreementPlan plan;

  public SignatureListener(AgreementPlan plan) {
    this.plan = plan;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String outcome = TaskInput.required(task, SIGNATURE_OUTCOME, Vocabulary.SIGNATURE_OUTCOMES);
    if (NOT_SIGNED.equals(outcome)) {
      TaskInput.text(task, NOT_SIGNED_REASON, 10, 1000);
      SHARE_AGREEMENT_WITH_REFERRER.on(execution).set(false);
      return;
    }
    Map<String, String> signatories = plan.signatories(execution);
    List<String> signed = SIGNED_BY.from(task);
    for (String id : signed) {
      if (!signatories.containsKey(id)) {
        throw CaseInputException.of(SIGNED_BY, "error.signature.notASignatory", id);
      }
    }
    List<String> missing = new ArrayList<>(signatories.keySet());
    missing.removeAll(signed);
    if (ALL_SIGNED.equals(outcome) && !missing.isEmpty()) {
      throw CaseInputException.of(SIGNED_BY, "error.signature.missing", String.join(", ", missing));
    }
    // A person who withdrew while the agreement was recorded can no longer sign: their items cannot stand.
    List<String> withdrawn = itemsOfThoseWhoLeft(execution);
    if (ALL_SIGNED.equals(outcome) && !withdrawn.isEmpty()) {
      throw CaseInputException.of(SIGNATURE_OUTCOME, "error.signature.itemsOfThoseWhoLeft", String.join(", ", withdrawn));
    }
    if (SOME_SIGNED.equals(outcome)) {
      if (missing.isEmpty() && withdrawn.isEmpty()) {
        throw CaseInputException.of(SIGNED_BY, "error.signature.everyoneSigned");
      }
      String reason = TaskInput.text(task, NOT_SIGNED_REASON, 10, 1000);
      standForThoseWhoSigned(execution, Set.copyOf(signed), reason);
    }
    Set<String> parties = new LinkedHashSet<>(plan.parties(execution).stream().map(Person::personId).toList());
    List<String> consenting = SHARE_CONSENT_BY.from(task);
    for (String id : consenting) {
      if (!parties.contains(id)) {
        throw CaseInputException.of(SHARE_CONSENT_BY, SOME_SIGNED.equals(outcome) ? "error.signature.notAPartyAsItStands"
            : "error.signature.notAParty", id);
      }
    }
    SHARE_AGREEMENT_WITH_REFERRER.on(execution).set(consenting.containsAll(parties));
    AGREEMENT_SIGNED_AT.on(execution).set(CaseClock.now().toOffsetDateTime());
  }

  /**
   * Some did not sign: each item stands when the offender who owes it and the victim it is owed to signed (with the
   * parent or guardian of each minor among them); an item owed to the community needs its offender only. The items of
   * those who did not sign are dropped, and their part ends; so does the part of anyone left with none of the items
   * they had. The agreement is what stands, as long as it holds an item and a victim still takes part.
   */
  private void standForThoseWhoSigned(DelegateExecution execution, Set<String> signed, String reason) {
    Case theCase = Case.seenFrom(execution);
    ConsentBook book = theCase.consents();
    Predicate<String> hasSigned = personId -> signed.contains(personId)
        && (book.guardianOf(personId) == null || signed.contains(Guardian.idOf(personId)));
    List<AgreementItem> items = theCase.items();
    List<AgreementItem> standing = items.stream().filter(item -> hasSigned.test(item.offender())
        && (Owed.COMMUNITY.equals(item.creditor()) || hasSigned.test(item.creditor()))).toList();
    if (standing.isEmpty()) {
      throw CaseInputException.of(SIGNED_BY, "error.signature.noItemStands");
    }
    List<PartEnded> ended = new ArrayList<>(theCase.partsEnded());
    String by = task(execution);
    String at = CaseClock.timestamp();
    List<Person> remaining = new ArrayList<>();
    for (Person party : theCase.parties()) {
      List<String> theirs = itemIds(items, party.personId());
      if (!hasSigned.test(party.personId())) {
        ended.add(new PartEnded(party.personId(), party.role(), PartEnded.NOT_SIGNED, reason, theirs, by, at));
      } else if (!theirs.isEmpty() && itemIds(standing, party.personId()).isEmpty()) {
        ended.add(new PartEnded(party.personId(), party.role(), PartEnded.NOTHING_LEFT, reason, theirs, by, at));
      } else {
        remaining.add(party);
      }
    }
    if (remaining.stream().noneMatch(party -> party.role() == Side.VICTIM)) {
      throw CaseInputException.of(SIGNED_BY, "error.signature.noVictimStands");
    }
    AGREEMENT_ITEMS.on(execution).set(standing);
    OBLIGATIONS.on(execution).set(AgreementItems.obligations(standing));
    AGREEMENT_SUMMARY.on(execution).set(AgreementItems.summary(standing, theCase.names(), plan.words()));
    PARTS_ENDED.on(execution).set(ended);
  }

  /** The items that name a person who no longer takes part (withdrew while the agreement was recorded or signed). */
  private List<String> itemsOfThoseWhoLeft(DelegateExecution execution) {
    Set<String> parties = new LinkedHashSet<>(plan.parties(execution).stream().map(Person::personId).toList());
    return Case.seenFrom(execution).items().stream().filter(item -> !parties.contains(item.offender())
        || !Owed.COMMUNITY.equals(item.creditor()) && !parties.contains(item.creditor())).map(AgreementItem::itemId).toList();
  }

  /** The ids of the items a person owes or is owed. */
  private static List<String> itemIds(List<AgreementItem> items, String personId) {
    return items.stream().filter(item -> personId.equals(item.offender()) || personId.equals(item.creditor()))
        .map(AgreementItem::itemId).toList();
  }

  /** Who recorded the signatures: the user completing the task (the engine's authenticated user). */
  private static String task(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "system" : authentication.getUserId();
  }
}
