/**
 * {@code scan data}: profiles a dataset's columns for PII and secrets, classifies them, measures k-anonymity and
 * l-diversity over its quasi-identifiers and looks for poisoning indicators; {@link
 * dev.bulwark.data.scan.DatasetScanner} is the entry point, {@link dev.bulwark.data.scan.ScanFindings} turns a
 * result into findings.
 */
package dev.bulwark.data.scan;
