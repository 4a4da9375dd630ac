/**
 * Training-data protection (issue 7): dataset scanning and classification, pseudonymization, k-anonymity and
 * l-diversity, differential privacy with a privacy-budget ledger, encryption and signatures at rest. Depends on
 * {@code detect}, {@code kb} and {@code core} only.
 */
package dev.bulwark.data;
