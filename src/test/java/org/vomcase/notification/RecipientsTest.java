package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;
import org.vomcase.kernel.Side;

/**
 * Minors are reached through their parents or guardians: in a programme that approaches the parents first
 * (konfliktråd) the introduction goes to them only; everywhere, a minor's messages also go to each guardian, at
 * the guardian's own address where the referral gives one.
 */
class RecipientsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private final Recipients recipients = new Recipients("de");

  @Test
  void konfliktraadIntroducesTheCaseToAMinorsParentsNotToTheChild() {
    Case theCase = caseOf("dk_konfliktraad", minorVictim(null));

    List<Recipient> introduction = recipients.of(MessageCatalogue.VICTIM, theCase, null, "introduction");

    assertThat(introduction).extracting(Recipient::id).containsExactly("G-V1", "G-V1-2");
    assertThat(introduction).extracting(Recipient::name).containsExactly("Lis Skov", "Ole Skov");
    assertThat(introduction).extracting(Recipient::language).containsOnly("da");
  }

  @Test
  void laterMessagesGoToTheMinorAndEachParent() {
    Case theCase = caseOf("dk_konfliktraad", minorVictim(null));

    List<Recipient> invitation = recipients.of(MessageCatalogue.PARTICIPANTS, theCase, null, "session-invitation");

    assertThat(invitation).extracting(Recipient::id).contains("V1", "G-V1", "G-V1-2");
  }

  @Test
  void inOtherProgrammesTheMinorIsWrittenToWithACopyToTheParents() {
    Case theCase = caseOf("de_toa", minorVictim(null));

    List<Recipient> introduction = recipients.of(MessageCatalogue.VICTIM, theCase, null, "introduction");

    assertThat(introduction).extracting(Recipient::id).containsExactly("V1", "G-V1", "G-V1-2");
  }

  @Test
  void parentAtTheirOwnAddressMayGetLettersWhereTheChildsHouseholdMayNot() {
    Case theCase = caseOf("de_toa", minorVictim(new SafeContact(null, true, null, null)));

    List<Recipient> introduction = recipients.of(MessageCatalogue.VICTIM, theCase, null, "introduction");

    Map<String, Recipient> byId = new HashMap<>();
    introduction.forEach(r -> byId.put(r.id(), r));
    assertThat(byId.get("V1").policy().letter()).isFalse();
    assertThat(byId.get("G-V1").policy().letter()).as("lives with the child: the child's rule").isFalse();
    assertThat(byId.get("G-V1").postalAddress()).isEqualTo("Vestergade 1, 1456 København");
    assertThat(byId.get("G-V1-2").policy().letter()).as("own address").isTrue();
    assertThat(byId.get("G-V1-2").postalAddress()).isEqualTo("Nørregade 2, 1165 København");
  }

  private static Person minorVictim(SafeContact safe) {
    return Person.referred(Side.VICTIM, 1, "Emma Skov", null, null, "Vestergade 1, 1456 København", "da",
        LocalDate.of(2013, 5, 2), false, TODAY,
        List.of(new Guardian("Lis Skov", "parent", "+45 20 12 34 56", "lis@example.dk", null),
            new Guardian("Ole Skov", "parent", null, null, "Nørregade 2, 1165 København")), safe, null);
  }

  private static Case caseOf(String profile, Person victim) {
    Person offender = Person.referred(Side.OFFENDER, 1, "Carl Vogt", "carl@example.org", null, null, "de",
        LocalDate.of(1990, 1, 15), false, TODAY, List.of(), null, null);
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.PROGRAMME_PROFILE.name(), profile);
    variables.put(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00042");
    variables.put(CaseVariables.VICTIMS.name(), CaseVariables.VICTIMS.value(List.of(victim)));
    variables.put(CaseVariables.OFFENDERS.name(), CaseVariables.OFFENDERS.value(List.of(offender)));
    variables.put(CaseVariables.PERSON_ID.name(), "V1");
    variables.put(CaseVariables.WRITTEN_ONLY.name(), false);
    variables.put(CaseVariables.INTRODUCTION_CHANNEL.name(), "letter_or_email");
    variables.put(CaseVariables.CONSENTS.name(), CaseVariables.CONSENTS.value(org.vomcase.kernel.ConsentBook.empty()
        .with("V1", org.vomcase.kernel.Consent.of(Side.VICTIM, org.vomcase.kernel.ConsentOutcome.AGREED))
        .with("O1", org.vomcase.kernel.Consent.of(Side.OFFENDER, org.vomcase.kernel.ConsentOutcome.AGREED))));
    return Case.of(variables);
  }
}
