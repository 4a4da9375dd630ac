/**
 * The gateway's tamper-evident audit log: per-instance hash chains of canonical JSON records with Ed25519-signed
 * checkpoints, written off the event loop to a JSONL file or a
 * shared PostgreSQL table ({@link dev.bulwark.guard.audit.ChainedAuditSink}), and checked by
 * {@link dev.bulwark.guard.audit.AuditVerifier}. Entry points: {@link dev.bulwark.guard.audit.AuditSinks#open} and
 * {@link dev.bulwark.guard.audit.AuditText#of}. Format and guarantees: docs/audit.md.
 */
package dev.bulwark.guard.audit;
