package org.govshare.identity;

/**
 * A department on the platform; its code is also its Camunda group id (type {@code department}).
 *
 * @param code stable code, lower case, e.g. {@code public-security}
 * @param nameZh official Chinese name
 * @param nameEn English name
 * @param tier municipal or district
 * @param regionCode the administrative division code (GB/T 2260), e.g. 410100 for Zhengzhou, 410105 for Jinshui
 * @param kind the part it plays under the Measures
 * @param catalogRange the 3 digits its catalog codes carry after the slash (e.g. {@code 101} in {@code 101001/101007})
 */
public record Department(String code, String nameZh, String nameEn, Tier tier, String regionCode, DepartmentKind kind,
                         String catalogRange) {
}
