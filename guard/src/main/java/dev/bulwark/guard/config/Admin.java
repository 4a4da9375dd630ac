package dev.bulwark.guard.config;

/**
 * The admin listener ({@code /health}, {@code /metrics}), kept off the client port so metrics never reach clients.
 * Port 0 takes any free port; {@code enabled: false} turns it off.
 */
public record Admin(boolean enabled, String host, int port) {
}
