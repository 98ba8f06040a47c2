package org.vomcase.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Turns a rendered HTML template (XHTML with CSS for print) into a PDF with openhtmltopdf (PDFBox).
 * The templates are the administrators' to edit; this class has no layout of its own.
 */
@Component
public class PdfRenderer {

  public byte[] render(String html, String title) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.withProducer("VOM Case");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("The document '" + title + "' could not be made into a PDF: " + e.getMessage(), e);
    }
  }
}
