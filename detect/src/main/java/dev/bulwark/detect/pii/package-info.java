/**
 * Personal-data recognizers with validation (check digits, issuer ranges, per-country lengths, phone metadata,
 * a name gazetteer) and context scoring. {@link dev.bulwark.detect.pii.PiiRecognizers} is the entry point; the
 * engine that runs them is {@link dev.bulwark.detect.EntityEngine}.
 */
package dev.bulwark.detect.pii;
