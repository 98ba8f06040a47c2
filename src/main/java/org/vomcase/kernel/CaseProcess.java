package org.vomcase.kernel;

/**
 * The processes of a case and the messages between them, as the diagrams name them ({@code processes/}):
 * the case ({@code vom-case}), the recording of a case event, and the case's retention, which the case's
 * closing events start.
 */
public final class CaseProcess {

  /** The case process (file {@code processes/vom-case.bpmn}). */
  public static final String KEY = "vom-case";

  /** The start form for events on a running case (withdrawals, R8). */
  public static final String RECORD_CASE_EVENT_KEY = "record-case-event";

  /** Retention and deletion of a closed case (file {@code processes/case-retention.bpmn}, R20). */
  public static final String RETENTION_KEY = "case-retention";

  /** The session of a case (file {@code processes/mediation-session.bpmn}), called once the case is found suitable. */
  public static final String SESSION_KEY = "mediation-session";
  /** The agreement's recording and signing, called by the case. */
  public static final String AGREEMENT_KEY = "agreement";

  /** Thrown by every closing end event of the case; starts its retention. */
  public static final String MSG_CASE_CLOSED = "Msg_CaseClosed";

  /** The referrer's notice that the criminal proceedings ended (to a closed case's retention). */
  public static final String MSG_PROCEEDINGS_ENDED = "Msg_ProceedingsEnded";

  private CaseProcess() {}
}
