/**
 * Privacy measurements of a table: equivalence classes over quasi-identifiers, the k of k-anonymity and the l of
 * (distinct) l-diversity ({@link dev.bulwark.data.privacy.EquivalenceClasses}).
 */
package dev.bulwark.data.privacy;
