package dev.bulwark.data.anon;

import java.time.LocalDate;
import java.time.YearMonth;

/** The days a generalized date covers, as epoch days: "2020-03-04", "2020-03", "2020" or "2019-2021". */
final class DateSpan {
    private DateSpan() {
    }

    static long start(String label) {
        return switch (label.length()) {
            case 10 -> LocalDate.parse(label).toEpochDay();
            case 7 -> YearMonth.parse(label).atDay(1).toEpochDay();
            case 4 -> LocalDate.of(Integer.parseInt(label), 1, 1).toEpochDay();
            default -> LocalDate.of(Integer.parseInt(label.substring(0, 4)), 1, 1).toEpochDay();
        };
    }

    static long end(String label) {
        return switch (label.length()) {
            case 10 -> LocalDate.parse(label).toEpochDay();
            case 7 -> YearMonth.parse(label).atEndOfMonth().toEpochDay();
            case 4 -> LocalDate.of(Integer.parseInt(label), 12, 31).toEpochDay();
            default -> LocalDate.of(Integer.parseInt(label.substring(5, 9)), 12, 31).toEpochDay();
        };
    }
}
