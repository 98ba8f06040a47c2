package org.vomcase.process.preparation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vomcase.process.PersonVariables;

/** Start of a per-person process: lays the person out as the variables its forms show. */
@Component("personContextListener")
public class PersonContextListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    PersonVariables.layOut(execution);
  }
}
