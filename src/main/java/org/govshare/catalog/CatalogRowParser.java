package org.govshare.catalog;

import static org.govshare.catalog.CatalogColumn.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govshare.catalog.CatalogEntry.Classification;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogEntry.Format;
import org.govshare.catalog.CatalogEntry.LegalBasis;
import org.govshare.catalog.CatalogEntry.SharingCondition;
import org.govshare.catalog.CatalogSheet.CellError;
import org.govshare.identity.Tier;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * Turns the cells of one data row into a {@link CatalogEntry}, or into the list of what is wrong with them. Only
 * what a cell can say on its own is checked; the rules that compare fields or rows are the catalog's business.
 */
final class CatalogRowParser {

    /** The trimmed cells of one row, by column; {@code null} for an empty cell or a column the file lacks. */
    interface Cells {

        String value(CatalogColumn column);

        /** The spreadsheet letter of the column in this file, e.g. {@code M}. */
        String letter(CatalogColumn column);
    }

    // Chinese input methods type full-width separators; accepting them spares a round of errors
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern PART_SEPARATOR = Pattern.compile("[|｜]");
    private static final Pattern CODE_SEPARATOR = Pattern.compile("[,，]");
    private static final String ITEM_FORMAT = "name|type|length|sensitivity[|flags], e.g. 姓名|string|50|PERSONAL|PERSON_NAME"
            + " or 公民身份号码|string|18|PERSONAL|key ID_NUMBER";

    private final int row;
    private final Cells cells;
    private final List<CellError> errors = new ArrayList<>();

    private CatalogRowParser(int row, Cells cells) {
        this.row = row;
        this.cells = cells;
    }

    static CatalogSheet.Row parse(int row, Cells cells) {
        return new CatalogRowParser(row, cells).entry();
    }

    private CatalogSheet.Row entry() {
        // every cell is read before anything is built, so that one pass reports all of the row's errors
        String code = text(CODE);
        String name = text(NAME);
        String summary = text(SUMMARY);
        String provider = text(PROVIDER_DEPARTMENT);
        String collector = text(COLLECTING_DEPARTMENT);
        String duty = text(STATUTORY_DUTY);
        ResourceKind kind = choice(KIND, ResourceKind.class);
        Classification classification = new Classification(text(CLASS), text(ITEM), text(SUB_ITEM));
        Format format = new Format(choice(FORMAT_CATEGORY, FormatCategory.class), text(FORMAT_TYPE));
        List<DataItem> items = items();
        SharingType sharingType = choice(SHARING_TYPE, SharingType.class);
        String sharingConditions = text(SHARING_CONDITIONS);
        List<SharingCondition> conditions = conditions();
        LegalBasis legalBasis = legalBasis();
        SharingMethod sharingMethod = choice(SHARING_METHOD, SharingMethod.class);
        boolean openToPublic = flag(OPEN_TO_PUBLIC);
        String openConditions = text(OPEN_CONDITIONS);
        UpdateCycle updateCycle = choice(UPDATE_CYCLE, UpdateCycle.class);
        List<String> relatedCodes = relatedCodes();
        if (!errors.isEmpty()) {
            // no half-read entry: it would look valid to code that forgets to check the errors
            return new CatalogSheet.Row(row, null, errors, letters(cells));
        }
        return new CatalogSheet.Row(row, new CatalogEntry(code, name, summary, provider, collector, duty, kind,
                classification, format, items, sharingType, sharingConditions, conditions, legalBasis, sharingMethod,
                openToPublic, openConditions, updateCycle, null, relatedCodes, null, null), List.of(), letters(cells));
    }

    private String text(CatalogColumn column) {
        String value = cells.value(column);
        if (value == null && column.required()) {
            error(column, column.field(), "required", "fill in " + column.key() + ": it is required");
        }
        return value;
    }

    private <E extends Enum<E>> E choice(CatalogColumn column, Class<E> type) {
        String value = text(column);
        return value == null ? null : named(column, column.field(), type, value, column.key());
    }

    /**
     * The constant of that name, in any case; else an {@code unknown-value} error and {@code null}.
     *
     * @param what what the value is, for the message, e.g. {@code kind} or {@code sensitivity (data item 2)}
     */
    private <E extends Enum<E>> E named(CatalogColumn column, String field, Class<E> type, String value, String what) {
        Optional<E> constant = Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value)).findFirst();
        if (constant.isEmpty()) {
            error(column, field, "unknown-value",
                    "'" + value + "' is not a known " + what + "; use one of " + CatalogColumn.namesOf(type));
        }
        return constant.orElse(null);
    }

    private boolean flag(CatalogColumn column) {
        String value = text(column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "是" -> true;
            case "false", "否" -> false;
            default -> {
                error(column, column.field(), "not-a-boolean",
                        "'" + value + "' is not a yes or no; use true, false, 是 or 否");
                yield false;
            }
        };
    }

    private List<DataItem> items() {
        String value = text(ITEMS);
        if (value == null) {
            return List.of();
        }
        List<String> entries = entries(value, ENTRY_SEPARATOR);
        if (entries.isEmpty()) {
            error(ITEMS, ITEMS.field(), "malformed-items", "'" + value + "' names no data item; write " + ITEM_FORMAT);
        }
        List<DataItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            items.add(item(i, entries.get(i)));
        }
        return items;
    }

    private DataItem item(int index, String entry) {
        String field = "items[" + index + "]";
        String[] parts = PART_SEPARATOR.split(entry, -1);
        if (parts.length != 4 && parts.length != 5) {
            error(ITEMS, field, "malformed-items", "data item " + (index + 1) + " '" + entry + "' has "
                    + parts.length + " part(s), not 4 or 5; write " + ITEM_FORMAT);
            return null;
        }
        String name = part(parts[0], field + ".name", "name");
        String type = part(parts[1], field + ".type", "type");
        Integer length = length(parts[2].strip(), field + ".length");
        String sensitivity = part(parts[3], field + ".sensitivity", "sensitivity");
        boolean key = false;
        boolean required = false;
        ItemKind kind = null;
        for (String flag : parts.length == 5 ? parts[4].strip().split("[\\s,，+]+") : new String[0]) {
            switch (flag) {
                case "" -> { }
                case "key", "主键" -> key = true;
                case "required", "必填" -> required = true;
                default -> kind = named(ITEMS, field + ".kind", ItemKind.class, flag, "flag of data item " + (index + 1)
                        + " (key, required, or a kind)");
            }
        }
        return new DataItem(name, type, length,
                sensitivity == null ? null : named(ITEMS, field + ".sensitivity", Sensitivity.class, sensitivity,
                        "sensitivity (data item " + (index + 1) + ")"), key ? Boolean.TRUE : null,
                required ? Boolean.TRUE : null, kind);
    }

    private String part(String raw, String field, String what) {
        String value = raw.strip();
        if (value.isEmpty()) {
            error(ITEMS, field, "required", "give the data item's " + what + "; write " + ITEM_FORMAT);
            return null;
        }
        return value;
    }

    private Integer length(String value, String field) {
        if (value.isEmpty()) {
            return null;
        }
        Integer length = positive(value);
        if (length == null) {
            error(ITEMS, field, "not-a-number", "length '" + value + "' is not a positive whole number; write it"
                    + " like 18, or leave it empty");
        }
        return length;
    }

    private List<SharingCondition> conditions() {
        String value = text(CONDITIONS);
        if (value == null) {
            return List.of();
        }
        List<String> entries = entries(value, ENTRY_SEPARATOR);
        List<SharingCondition> conditions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            conditions.add(condition(i, entries.get(i)));
        }
        return conditions;
    }

    private SharingCondition condition(int index, String entry) {
        String field = "conditions[" + index + "]";
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            error(CONDITIONS, field, "malformed-conditions", "condition " + (index + 1) + " '" + entry
                    + "' is not TYPE=value; write e.g. PURPOSE_REQUIRED=户籍核查; MAX_GRANT_DAYS=365");
            return null;
        }
        ConditionType type = named(CONDITIONS, field + ".type", ConditionType.class,
                entry.substring(0, equals).strip(), "condition type (condition " + (index + 1) + ")");
        String value = entry.substring(equals + 1).strip();
        if (value.isEmpty()) {
            error(CONDITIONS, field + ".value", "required", "give condition " + (index + 1) + " a value after '='");
            return null;
        }
        return new SharingCondition(type, type == null ? value : conditionValue(type, field + ".value", value));
    }

    /** Values the request rules read as numbers or tiers are checked as such; the others are free text. */
    private String conditionValue(ConditionType type, String field, String value) {
        if (type == ConditionType.MAX_GRANT_DAYS && positive(value) == null) {
            error(CONDITIONS, field, "not-a-number", "MAX_GRANT_DAYS '" + value + "' is not a positive whole number"
                    + " of days");
        }
        if (type == ConditionType.REQUESTER_TIER) {
            Tier tier = named(CONDITIONS, field, Tier.class, value, "tier (REQUESTER_TIER)");
            return tier == null ? value : tier.name();
        }
        return value;
    }

    private LegalBasis legalBasis() {
        String law = text(LEGAL_BASIS_LAW);
        String article = text(LEGAL_BASIS_ARTICLE);
        return law == null && article == null ? null : new LegalBasis(law, article);
    }

    private List<String> relatedCodes() {
        String value = text(RELATED_CODES);
        return value == null ? List.of() : entries(value, CODE_SEPARATOR);
    }

    /** The trimmed, non-empty pieces, so that a trailing separator is harmless. */
    private static List<String> entries(String value, Pattern separator) {
        return Arrays.stream(separator.split(value)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer positive(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number > 0 ? number : null;
    }

    private void error(CatalogColumn column, String field, String rule, String message) {
        errors.add(new CellError(row, cells.letter(column), field, rule, message));
    }

    /** field path of each column present in the file → its letter */
    private static java.util.Map<String, String> letters(Cells cells) {
        java.util.Map<String, String> letters = new java.util.HashMap<>();
        for (CatalogColumn column : CatalogColumn.values()) {
            String letter = cells.letter(column);
            if (letter != null) {
                letters.put(column.field(), letter);
            }
        }
        return letters;
    }
}
