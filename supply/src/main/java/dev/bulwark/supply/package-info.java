/**
 * Supply-chain checks: model files that could run code when loaded ({@code model}), dependencies with known
 * vulnerabilities or untrustworthy origins ({@code deps}, OSV data kept offline), and the SBOM / ML-BOM
 * ({@code sbom}). Scanned bytes are only ever read, never deserialised or executed.
 */
package dev.bulwark.supply;
