/**
 * The gateway's content filters: request bodies checked before they go upstream ({@link
 * dev.bulwark.guard.pipeline.InputFilter}), whole and streamed replies checked before they reach the client ({@link
 * dev.bulwark.guard.pipeline.OutputFilter}, {@link dev.bulwark.guard.pipeline.StreamFilter}). Entry point:
 * {@link dev.bulwark.guard.filter.Filters}; everything else is package-private.
 */
package dev.bulwark.guard.filter;
