package io.recruitsuite.candidate.paging;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "paging")
public interface PagingConfig {

    int defaultLimit();

    int maxLimit();
}
