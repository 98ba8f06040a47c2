package org.vomcase.casefile;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.vomcase.access.CaseRegistry;
import org.vomcase.audit.AuditLog;
import org.vomcase.document.DocumentService;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Vocabulary;

/**
 * Documents a case's mediators and the coordinators upload to the case file (a signed agreement's scan, the
 * prosecutor's mandate letter; README "The mediator's desk"). Guarantees, before anything is stored: the file is a PDF,
 * PNG or JPEG by its first bytes ({@link #sniff}; the request's Content-Type and the file's name are never trusted), not
 * empty and at most {@code vom.documents.max-size} (default {@value #DEFAULT_MAX_SIZE}); the kind is one of {@link
 * Vocabulary#DOCUMENT_KINDS}; the title has 3 to 200 characters on one line; the file name keeps no path, no control or
 * direction characters and ends with the extension of what the bytes are ({@link #safeFileName}). The case must be
 * registered and not deleted ({@link CaseClosedToAdditions}). Each upload is audited without personal content (the
 * document's id, kind, type and size). Who may upload decides the controller, by the case file's rule.
 */
@Service
public class DocumentUploads {

  /** The largest document when {@code vom.documents.max-size} is not set. */
  public static final String DEFAULT_MAX_SIZE = "10MB";
  public static final int TITLE_MIN = 3;
  public static final int TITLE_MAX = 200;
  static final int FILE_NAME_MAX = 200;

  /** What an upload's bytes are: a media type the case file keeps, and the file name extensions it goes with. */
  public enum Sniffed {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpeg");

    private final String mediaType;
    private final String extension;
    private final byte[] magic;
    private final List<String> extensions;

    Sniffed(String mediaType, String extension, byte[] magic, String... otherExtensions) {
      this.mediaType = mediaType;
      this.extension = extension;
      this.magic = magic;
      this.extensions = java.util.stream.Stream.concat(java.util.stream.Stream.of(extension),
          java.util.Arrays.stream(otherExtensions)).toList();
    }

    public String mediaType() {
      return mediaType;
    }

    boolean matches(byte[] bytes) {
      if (bytes == null || bytes.length < magic.length) {
        return false;
      }
      for (int i = 0; i < magic.length; i++) {
        if (bytes[i] != magic[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** An uploaded document as stored. */
  public record Uploaded(String id, String caseNumber, String kind, String title, String fileName, String mediaType, long size,
      String uploadedBy) {}

  private final DocumentService documents;
  private final CaseRegistry registry;
  private final AuditLog audit;
  private final long maxBytes;

  public DocumentUploads(DocumentService documents, CaseRegistry registry, AuditLog audit,
      @Value("${vom.documents.max-size:" + DEFAULT_MAX_SIZE + "}") DataSize maxSize) {
    this.documents = documents;
    this.registry = registry;
    this.audit = audit;
    this.maxBytes = maxSize.toBytes();
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("vom.documents.max-size (VOM_MAX_DOCUMENT_SIZE) must be positive, e.g. 10MB; got "
          + maxSize);
    }
  }

  /** The largest document in bytes ({@code vom.documents.max-size}). */
  public long maxBytes() {
    return maxBytes;
  }

  /** The limit as people say it: "10 MB", "512 KB". */
  public String maxSizeText() {
    return size(maxBytes);
  }

  /**
   * Checks and stores a document uploaded to a case by {@code userId} (who may, the caller decided); every problem of
   * the fields is refused together ({@link CaseFileInputException}).
   */
  public Uploaded upload(String caseNumber, String userId, String kind, String title, String fileName, byte[] bytes) {
    CaseClosedToAdditions.check(registry, caseNumber);
    InputCheck check = InputCheck.collectAll();
    Sniffed type = null;
    if (bytes == null) {
      check.refuse("file", "error.upload.noFile");
    } else if (bytes.length == 0) {
      check.refuse("file", "error.upload.empty");
    } else if (bytes.length > maxBytes) {
      check.refuse("file", "error.upload.tooLarge", size(maxBytes), size(bytes.length));
    } else {
      type = sniff(bytes).orElse(null);
      if (type == null) {
        check.refuse("file", "error.upload.notAnImageOrPdf");
      }
    }
    String theKind = check.oneOf("kind", kind, Vocabulary.DOCUMENT_KINDS, true);
    String theTitle = check.text("title", title == null ? null : oneLine(title), TITLE_MIN, TITLE_MAX, true);
    check.done(CaseFileInputException::new);
    String name = safeFileName(fileName, type);
    String id = documents.upload(caseNumber, theKind, theTitle, name, type.mediaType(), bytes, userId);
    audit.record(userId, AuditLog.DOCUMENT_UPLOADED, caseNumber, "document " + id + ", kind " + theKind + ", "
        + type.mediaType() + ", " + bytes.length + " bytes");
    return new Uploaded(id, caseNumber, theKind, theTitle, name, type.mediaType(), bytes.length, userId);
  }

  /** What the bytes are by their first bytes (PDF {@code %PDF-}, the PNG signature, JPEG {@code FF D8 FF}); else empty. */
  public static Optional<Sniffed> sniff(byte[] bytes) {
    for (Sniffed type : Sniffed.values()) {
      if (type.matches(bytes)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * A file name safe to store and to send in a Content-Disposition: the last part of any path, without control,
   * format (direction overrides) and line-separator characters, without characters file systems refuse, no leading
   * dots, at most {@value #FILE_NAME_MAX} characters, ending with an extension of what the bytes are ("scan.html" of
   * a PDF becomes "scan.html.pdf"); "document" when nothing is left.
   */
  public static String safeFileName(String original, Sniffed type) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cn}]", "").replaceAll("[\"*:<>?|;]", "_")
        .replaceAll("\\s+", " ").strip().replaceFirst("^[.\\s]+", "");
    if (name.isEmpty()) {
      name = "document";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (type.extensions.stream().noneMatch(e -> lower.endsWith("." + e))) {
      name = name + "." + type.extension;
    }
    if (name.length() > FILE_NAME_MAX) {
      String extension = name.substring(name.lastIndexOf('.'));
      name = name.substring(0, FILE_NAME_MAX - extension.length()).strip() + extension;
    }
    return name;
  }

  /** A title on one line: line breaks and tabs become spaces, other control and format characters go. */
  static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t\\p{Zl}\\p{Zp}]+", " ").replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
  }

  static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
    if (bytes >= 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
