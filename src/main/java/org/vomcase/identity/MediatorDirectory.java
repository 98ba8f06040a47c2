package org.vomcase.identity;

import org.vomcase.kernel.Roles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** The programme's mediators: the members of the mediators group. */
@Service
public class MediatorDirectory {

  /** A mediator as a form's select offers it. */
  public record Mediator(String userId, String displayName) {}

  private final IdentityService identityService;

  public MediatorDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** All mediators, by last and first name. */
  public List<Mediator> mediators() {
    return identityService.createUserQuery().memberOfGroup(Roles.MEDIATORS).orderByUserLastName().asc()
        .orderByUserFirstName().asc().list().stream()
        .map(user -> new Mediator(user.getId(), StaffNames.displayName(user)))
        .toList();
  }

  public boolean isMediator(String userId) {
    return userId != null
        && identityService.createUserQuery().userId(userId).memberOfGroup(Roles.MEDIATORS).count() == 1;
  }
}
