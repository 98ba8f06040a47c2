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

  /**
   * The font family a template names after its own ({@code font-family: serif, "VOM Unicode"}) for a document with
   * letters the PDF's standard fonts do not have (Turkish ı ş ğ, Polish ł ą, Cyrillic, Greek): Liberation Sans, which
   * PDFBox ships (regular only). It is there only for such a document, which it then prints throughout; a document the
   * standard fonts can print (German, Danish, English) keeps them. Without it those letters print as {@code #}. It has
   * no Arabic script (nor does openhtmltopdf shape Arabic or lay out right-to-left text without its rtl module).
   */
  public static final String UNICODE_FONT = "VOM Unicode";
  private static final String UNICODE_FONT_FILE = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  public byte[] render(String html, String title) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      if (!java.nio.charset.Charset.forName("windows-1252").newEncoder().canEncode(html)) {
        // Only then: a registered font takes the place of the standard ones for the whole document.
        builder.useFont(() -> PdfRenderer.class.getClassLoader().getResourceAsStream(UNICODE_FONT_FILE), UNICODE_FONT);
      }
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
