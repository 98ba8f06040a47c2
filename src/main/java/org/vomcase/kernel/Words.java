package org.vomcase.kernel;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The words the case's texts for staff are written with (an agreement item in words, {@link Owed#describe}): by key,
 * with {@link MessageFormat} arguments. {@link #ENGLISH} is the repository's English; the application passes the staff
 * language's ({@code org.vomcase.settings.StaffLanguage}, keys {@code staff.*} of {@code labels/<language>.properties}).
 */
@FunctionalInterface
public interface Words {

  /** The text of {@code key} with its arguments. */
  String word(String key, Object... arguments);

  /** An item kind in words; English by default. */
  default String kind(ItemKind kind) {
    return kind.label();
  }

  /** An amount of money; as plain digits ({@code 300.00}) by default. */
  default String amount(java.math.BigDecimal amount) {
    return amount.toPlainString();
  }

  /** A date in words; ISO ({@code 2027-01-01}) by default. */
  default String date(java.time.LocalDate date) {
    return String.valueOf(date);
  }

  /** An item's status in words; English by default. */
  default String status(String status) {
    return Vocabulary.AGREEMENT_ITEM_STATUSES.getOrDefault(status, status).toLowerCase(Locale.ROOT);
  }

  /** The English texts, read from {@code labels/en.properties} ({@link ErrorText#catalogue}). */
  Words ENGLISH = new Words() {
    @Override
    public String word(String key, Object... arguments) {
      String pattern = ErrorText.English.TEXTS.getProperty(key);
      if (pattern == null) {
        throw new IllegalArgumentException("No English text " + key);
      }
      return new MessageFormat(pattern, Locale.US).format(arguments);
    }
  };
}
