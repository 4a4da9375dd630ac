/**
 * The layered prompt-injection detector. Layer (a) {@link dev.bulwark.detect.injection.TextNormalizer} undoes the
 * usual disguises (hidden and tag characters, look-alike letters, leetspeak, spaced-out letters, base64 / hex /
 * rot13 segments) and records each one it undid; layer (b) {@link dev.bulwark.detect.injection.RuleSet} matches
 * multilingual override, persona, extraction and delimiter-forgery patterns; layer (c) a logistic-regression head
 * over all-MiniLM-L6-v2 sentence embeddings. {@link dev.bulwark.detect.injection.InjectionDetector} combines them.
 */
package dev.bulwark.detect.injection;
