package dev.bulwark.kb;

import dev.bulwark.core.Cvss;
import dev.bulwark.core.WeaknessClass;
import java.util.List;

/** DESIGN's weakness table, one row, with the scored base vector, remediation and controls. */
public record WeaknessProfile(WeaknessClass weakness, String title, List<String> cwe, List<String> owaspLlm,
                              List<String> atlas, Cvss cvss, String remediation, List<String> controls) {
}
