package org.vomcase.kernel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

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

  /** The English texts, as {@code labels/en.properties} has them. */
  Words ENGLISH = new Words() {
    private static final Map<String, String> TEXTS = Map.of(
        "staff.task.instalment", "instalment {0} of {1}",
        "staff.item.monthlyInstalments", "in {0} monthly instalments",
        "staff.item.hours", "{0} hours",
        "staff.item.owed", "owed by {0} to {1}, due {2}");

    @Override
    public String word(String key, Object... arguments) {
      String pattern = TEXTS.get(key);
      if (pattern == null) {
        throw new IllegalArgumentException("No English text " + key);
      }
      return new MessageFormat(pattern, Locale.US).format(arguments);
    }
  };
}
