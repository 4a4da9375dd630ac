/**
 * Text detectors shared by the pentest, the gateway and the data tools: PII, secrets, prompt injection, canaries,
 * refusals. Pure, thread-safe, no I/O; depends on nothing else of Bulwark so library users get it alone.
 */
package dev.bulwark.detect;
