package dev.bulwark.guard.filter;

import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextSource;

/** The injection detector as the input filter uses it ({@code InjectionDetector::score}); tests substitute one. */
@FunctionalInterface
interface InjectionScorer {
    InjectionScore score(String text, TextSource source);
}
