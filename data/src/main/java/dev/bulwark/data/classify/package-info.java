/**
 * Data classification for training data (book §3.2): what a column's name suggests ({@link
 * dev.bulwark.data.classify.ColumnHint}), and the public / internal / confidential / restricted level of a column
 * and of a whole dataset with a one-line reason ({@link dev.bulwark.data.classify.DataClassifier}).
 */
package dev.bulwark.data.classify;
