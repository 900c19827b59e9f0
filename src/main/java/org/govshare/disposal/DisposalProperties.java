package org.govshare.disposal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Disposal of the data of ended grants (national Art. 27). The deadline is the rule pack's
 * ({@code disposal-attestation}).
 *
 * @param defaultRequirements what the holder is asked to do when the provider stated no requirements of its own
 * @param maxFileSize the largest proof file an attestation may carry
 * @param fileTypes the media types that file may have (its first bytes must match too)
 */
@ConfigurationProperties("govshare.disposal")
public record DisposalProperties(
        @DefaultValue("删除或销毁依据本授权获取的全部共享数据及其副本（含备份、导出文件和缓存），不可恢复；"
                + " delete or destroy, beyond recovery, all shared data obtained under this grant and every copy of it"
                + " (backups, exports and caches included)") String defaultRequirements,
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> fileTypes) {
}
