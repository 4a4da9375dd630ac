/**
 * Trust for https to internal servers: certificate files named in a configuration ({@link TrustedCertificates}) and
 * a trust manager that accepts the system's authorities and those ({@link ExtraTrust}), shared by the assessment's
 * client and the gateway's upstream client.
 */
package dev.bulwark.core.tls;
