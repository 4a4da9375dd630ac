/**
 * k-anonymity and l-diversity: {@link dev.bulwark.data.anon.Anonymizer} generalizes quasi-identifier columns by
 * strict Mondrian multidimensional partitioning (LeFevre, DeWitt, Ramakrishnan 2006) and
 * {@link dev.bulwark.data.anon.EquivalenceClasses} measures the k and l any table achieves.
 */
package dev.bulwark.data.anon;
