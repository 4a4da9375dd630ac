package dev.bulwark.data.dp;

import java.util.List;

/**
 * A released answer and everything printed with it. Nothing here is computed from the data without noise: the
 * error bound and interval come from the noise distribution and the noisy values only.
 *
 * @param value     the noisy answer, in the column's units
 * @param error     the 95% error, e.g. "± 12" or "[41.2, 47.9]"
 * @param mechanism how the noise was made
 * @param cost      what this query spent
 * @param receipt   the dataset's budget and total spend after it
 * @param notes     caveats worth printing (clamping, resolution)
 * @param queryNanos time DuckDB took to compute the exact statistic (the spend is recorded meanwhile)
 */
public record DpAnswer(DpQuery query, String value, String error, String mechanism, PrivacyAmount cost,
                       PrivacyLedger.Receipt receipt, List<String> notes, long queryNanos) {
}
