package org.vomcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.vomcase.access.CaseRegistry;
import org.vomcase.audit.AuditLog;
import org.vomcase.document.DocumentService;

/**
 * What the case file takes as an uploaded document: the type by the first bytes only, a safe file name, kind and title
 * checked together, the limit, and nothing for an unknown or deleted case.
 */
class DocumentUploadsTest {

  private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

  private final DocumentService documents = mock(DocumentService.class);
  private final CaseRegistry registry = mock(CaseRegistry.class);
  private final AuditLog audit = mock(AuditLog.class);
  private final DocumentUploads uploads = new DocumentUploads(documents, registry, audit, DataSize.ofKilobytes(1));

  @Test
  void theTypeIsWhatTheFirstBytesSay() {
    assertThat(DocumentUploads.sniff(PDF)).contains(DocumentUploads.Sniffed.PDF);
    assertThat(DocumentUploads.sniff(PNG)).contains(DocumentUploads.Sniffed.PNG);
    assertThat(DocumentUploads.sniff(JPEG)).contains(DocumentUploads.Sniffed.JPEG);
    for (String other : new String[] {"<html>%PDF-", "<?xml version=\"1.0\"?><svg/>", "PK\u0003\u0004", "%PD", " %PDF-", "GIF89a",
        "#!/bin/sh", ""}) {
      assertThat(DocumentUploads.sniff(other.getBytes(StandardCharsets.ISO_8859_1))).as(other).isEmpty();
    }
    assertThat(DocumentUploads.sniff(null)).isEmpty();
  }

  @Test
  void theFileNameKeepsNoPathNoControlsAndEndsAsWhatTheBytesAre() {
    assertThat(DocumentUploads.safeFileName("../../etc/passwd", DocumentUploads.Sniffed.PDF)).isEqualTo("passwd.pdf");
    assertThat(DocumentUploads.safeFileName("C:\\Users\\mara\\Scan 1.PDF", DocumentUploads.Sniffed.PDF)).isEqualTo("Scan 1.PDF");
    assertThat(DocumentUploads.safeFileName("invoice\u202Efdp.exe", DocumentUploads.Sniffed.PDF)).isEqualTo("invoicefdp.exe.pdf");
    assertThat(DocumentUploads.safeFileName("a\r\nContent-Type: text\".pdf", DocumentUploads.Sniffed.PDF))
        .isEqualTo("aContent-Type_ text_.pdf");
    assertThat(DocumentUploads.safeFileName("page.html", DocumentUploads.Sniffed.PNG)).isEqualTo("page.html.png");
    assertThat(DocumentUploads.safeFileName("photo.jpeg", DocumentUploads.Sniffed.JPEG)).isEqualTo("photo.jpeg");
    assertThat(DocumentUploads.safeFileName("...", DocumentUploads.Sniffed.JPEG)).isEqualTo("document.jpg");
    assertThat(DocumentUploads.safeFileName(null, DocumentUploads.Sniffed.PDF)).isEqualTo("document.pdf");
    assertThat(DocumentUploads.safeFileName(".hidden.pdf", DocumentUploads.Sniffed.PDF)).isEqualTo("hidden.pdf");
    String longName = DocumentUploads.safeFileName("x".repeat(500) + ".pdf", DocumentUploads.Sniffed.PDF);
    assertThat(longName).hasSize(DocumentUploads.FILE_NAME_MAX).endsWith(".pdf");
  }

  @Test
  void aDocumentIsStoredAsWhatItIsAndAuditedWithoutItsNameOrTitle() {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.of(registered(false)));
    when(documents.upload(anyString(), anyString(), anyString(), anyString(), anyString(), any(), anyString())).thenReturn("d1");
    DocumentUploads.Uploaded uploaded = uploads.upload("VOM-2026-00001", "mara", "signed_agreement", " Signed\nagreement ",
        "agreement.pdf", PDF);
    assertThat(uploaded.mediaType()).isEqualTo("application/pdf");
    assertThat(uploaded.title()).isEqualTo("Signed agreement");
    verify(documents).upload("VOM-2026-00001", "signed_agreement", "Signed agreement", "agreement.pdf", "application/pdf", PDF,
        "mara");
    verify(audit).record("mara", AuditLog.DOCUMENT_UPLOADED, "VOM-2026-00001", "document d1, kind signed_agreement,"
        + " application/pdf, " + PDF.length + " bytes");
  }

  @Test
  void everyProblemIsRefusedTogetherByItsFieldAndNothingIsStored() {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.of(registered(false)));
    assertThatThrownBy(() -> uploads.upload("VOM-2026-00001", "mara", "photo", "ab", "x.pdf",
        "<html></html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(CaseFileInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.field()).containsExactly("file", "kind", "title"));
    assertThatThrownBy(() -> uploads.upload("VOM-2026-00001", "mara", "other", "Big one", "x.pdf", new byte[1025]))
        .isInstanceOfSatisfying(CaseFileInputException.class, e -> assertThat(e.problems().get(0).message())
            .contains("larger than 1 KB"));
    assertThatThrownBy(() -> uploads.upload("VOM-2026-00001", "mara", "other", "Empty", "x.pdf", new byte[0]))
        .isInstanceOfSatisfying(CaseFileInputException.class, e -> assertThat(e.problems().get(0).message()).contains("empty"));
    assertThatThrownBy(() -> uploads.upload("VOM-2026-00001", "mara", "other", "x".repeat(201), "x.pdf", PDF))
        .isInstanceOfSatisfying(CaseFileInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("title"));
    verify(documents, never()).upload(any(), any(), any(), any(), any(), any(), any());
    verify(audit, never()).record(any(), any(), any(), any());
  }

  @Test
  void anUnknownOrDeletedCaseTakesNothing() {
    when(registry.find("VOM-2026-00002")).thenReturn(Optional.of(registered(true)));
    when(registry.find("VOM-1999-99999")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> uploads.upload("VOM-2026-00002", "clara", "other", "Letter", "x.pdf", PDF))
        .isInstanceOfSatisfying(CaseClosedToAdditions.class, e -> assertThat(e.isDeleted()).isTrue());
    assertThatThrownBy(() -> uploads.upload("VOM-1999-99999", "clara", "other", "Letter", "x.pdf", PDF))
        .isInstanceOfSatisfying(CaseClosedToAdditions.class, e -> assertThat(e.isDeleted()).isFalse());
    verify(documents, never()).upload(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aNoteKeepsItsLineBreaksAndLosesOtherControls() {
    assertThat(CaseNotes.clean("one\r\ntwo\rthree\u0000\u0007\tfour\u202e")).isEqualTo("one\ntwo\nthree\tfour");
  }

  private static CaseRegistry.RegisteredCase registered(boolean deleted) {
    return new CaseRegistry.RegisteredCase("VOM-2026-00001", "pi", null, null, null, deleted);
  }
}
