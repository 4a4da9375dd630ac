/**
 * Secret recognizers: provider token formats, JWTs, PEM private keys and high-entropy values assigned to
 * secret-sounding names. Our own rules; {@link dev.bulwark.detect.secret.SecretRecognizers} is the entry point.
 */
package dev.bulwark.detect.secret;
