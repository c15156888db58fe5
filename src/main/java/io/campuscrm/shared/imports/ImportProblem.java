package io.campuscrm.shared.imports;

import java.util.Arrays;
import java.util.List;

/**
 * Why a row (or the whole file) of a CSV import cannot be imported, or (as a row's warning) what the user should
 * know about it.
 *
 * @param column     the CSV column at fault, or empty for the row as a whole
 * @param messageKey i18n key of the explanation
 * @param args       its arguments
 */
public record ImportProblem(String column, String messageKey, List<String> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    public static ImportProblem of(String column, String messageKey, Object... args) {
        return new ImportProblem(column, messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }
}
